using CustomerCare.Orders;

namespace CustomerCare.Import;

/// <summary>The <c>status</c> values of <c>orders.csv</c>: lower-case snake case, matched without regard to case.</summary>
internal static class OrderStatusText
{
    private static readonly (string Text, OrderStatus Status)[] Values =
    [
        ("placed", OrderStatus.Placed),
        ("shipped", OrderStatus.Shipped),
        ("delivered", OrderStatus.Delivered),
        ("cancelled", OrderStatus.Cancelled),
        ("returned", OrderStatus.Returned),
        ("partially_returned", OrderStatus.PartiallyReturned),
    ];

    public static string AllowedList { get; } = string.Join(", ", Values.Select(v => v.Text));

    public static bool TryParse(string text, out OrderStatus status)
    {
        foreach (var (name, value) in Values)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = value;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static string Format(OrderStatus status) => Values.First(v => v.Status == status).Text;
}
