using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Orders;

namespace CustomerCare.Import;

/// <summary>
/// Everything read from the files of one import: the valid rows, where each identifier was first given, and the
/// references to customers and orders that must be checked against the store.
/// </summary>
/// <remarks>
/// Identifiers are recorded even for rows refused for another reason, so that one bad customer row does not also make
/// every order of that customer an "unknown customer" error.
/// </remarks>
internal sealed class ImportBatch(ImportContext context)
{
    private readonly Dictionary<string, RowRef> _reviewRows = new(StringComparer.Ordinal);

    public List<ImportedCustomer> Customers { get; } = [];

    public List<ImportedOrder> Orders { get; } = [];

    public List<ImportedReview> Reviews { get; } = [];

    /// <summary>Each customer identifier of <c>customers.csv</c> and the row that first gave it.</summary>
    public Dictionary<string, RowRef> CustomerRows { get; } = new(StringComparer.Ordinal);

    /// <summary>Each order identifier of <c>orders.csv</c>, the row that first gave it, and its customer when valid.</summary>
    public Dictionary<string, (RowRef Row, CustomerId? Customer)> OrderRows { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows of orders and reviews naming a customer.</summary>
    public List<(RowRef Row, CustomerId Customer)> CustomerReferences { get; } = [];

    /// <summary>Rows of reviews naming an order, with the review's customer when valid.</summary>
    public List<(RowRef Row, OrderId Order, CustomerId? Customer)> OrderReferences { get; } = [];

    public void AddCustomer(CsvRow row)
    {
        var customer = CustomerCsv.Read(row, context, out var id);
        if (id is { } customerId && !FirstOccurrence(CustomerRows, customerId.Value, row, CustomerColumns.CustomerId))
        {
            return;
        }

        if (customer is not null)
        {
            Customers.Add(customer);
        }
    }

    public void AddOrder(CsvRow row)
    {
        var order = OrderCsv.Read(row, context, out var id, out var customerId);
        if (id is { } orderId)
        {
            if (OrderRows.TryGetValue(orderId.Value, out var first))
            {
                Repeated(row, OrderColumns.OrderId, orderId.Value, first.Row.Line);
                return;
            }

            OrderRows[orderId.Value] = (row.Ref, customerId);
        }

        if (customerId is { } owner)
        {
            CustomerReferences.Add((row.Ref, owner));
        }

        if (order is not null)
        {
            Orders.Add(order);
        }
    }

    public void AddReview(CsvRow row)
    {
        var review = ReviewCsv.Read(row, out var reviewId, out var customerId, out var orderId);
        if (reviewId is not null && !FirstOccurrence(_reviewRows, reviewId, row, ReviewColumns.ReviewId))
        {
            return;
        }

        if (customerId is { } owner)
        {
            CustomerReferences.Add((row.Ref, owner));
        }

        if (orderId is { } order)
        {
            OrderReferences.Add((row.Ref, order, customerId));
        }

        if (review is not null)
        {
            Reviews.Add(review);
        }
    }

    private static bool FirstOccurrence(Dictionary<string, RowRef> seen, string id, CsvRow row, string column)
    {
        if (seen.TryGetValue(id, out var first))
        {
            Repeated(row, column, id, first.Line);
            return false;
        }

        seen[id] = row.Ref;
        return true;
    }

    private static void Repeated(CsvRow row, string column, string id, int firstLine) =>
        row.Error(column, id, CsvErrorCodes.DuplicateId, string.Create(CultureInfo.InvariantCulture, $"repeats the {column} first given on line {firstLine}"));
}
