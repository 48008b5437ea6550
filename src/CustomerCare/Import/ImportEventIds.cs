using CustomerCare.Customers;
using CustomerCare.Orders;

namespace CustomerCare.Import;

/// <summary>
/// The deterministic event identifiers of imported rows, so that the ledger recognizes a row imported twice:
/// <c>import:customer:{customer_id}</c>, <c>import:order:{order_id}:{placed|shipped|delivered|cancelled|returned}</c>
/// and <c>import:review:{review_id}</c>.
/// </summary>
internal static class ImportEventIds
{
    public static EventId Customer(CustomerId id) => EventId.From("import:customer:" + id.Value);

    public static EventId Order(OrderId id, string stage) => EventId.From("import:order:" + id.Value + ":" + stage);

    public static EventId Review(string reviewId) => EventId.From("import:review:" + reviewId);
}
