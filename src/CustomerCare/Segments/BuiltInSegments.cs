namespace CustomerCare.Segments;

/// <summary>The segments every installation starts with; turn them off with <see cref="SegmentOptions.IncludeBuiltInSegments"/>.</summary>
public static class BuiltInSegments
{
    /// <summary>The built-in definitions.</summary>
    public static IReadOnlyList<SegmentDefinition> All { get; } =
    [
        new("new_customers", "lifecycle = 'new'", "Signed up or ordered for the first time recently"),
        new("regular", "orders >= 3 and last_order within 180 days", "Regular customers: three or more orders, the latest within six months"),
        new("vip", "rfm_m = 5 or tag = 'vip'", "The top fifth by spend, and customers tagged vip"),
        new("at_risk", "lifecycle = 'at_risk'", "Have not ordered for a while"),
        new("lapsed", "lifecycle = 'lapsed'", "Have not ordered for a long time"),
        new("one_time_buyers", "orders = 1", "Ordered exactly once"),
        new("birthday_this_month", "birthday_this_month = true", "Birthday in the current month, in their own time zone"),
        new("unhappy", "open_complaints > 0 or last_csat <= 2", "An open complaint, or a low latest satisfaction score"),
    ];
}
