namespace CustomerCare.Sample.Reporting;

/// <summary>The section titles of the human-readable output, the same in tables and in plain text.</summary>
public static class ReportTitles
{
    /// <summary>What the simulation sent and how the library answered.</summary>
    public const string Simulation = "Simulation";

    /// <summary>Customer counts.</summary>
    public const string Customers = "Customers";

    /// <summary>Orders by status.</summary>
    public const string OrdersByStatus = "Orders by status";

    /// <summary>Revenue.</summary>
    public const string Revenue = "Revenue";

    /// <summary>Returns and cancellations.</summary>
    public const string ReturnsAndCancellations = "Returns and cancellations";

    /// <summary>Top cities.</summary>
    public const string TopCities = "Top cities";

    /// <summary>Top categories.</summary>
    public const string TopCategories = "Top categories";

    /// <summary>Customers by days since their last order.</summary>
    public const string Lifecycle = "Customers by days since last order";

    /// <summary>The best customers.</summary>
    public const string TopCustomers = "Top 5 customers by net spend";

    /// <summary>Every section of the store report, in the order it is printed.</summary>
    public static IReadOnlyList<string> ReportSections { get; } =
        [Customers, OrdersByStatus, Revenue, ReturnsAndCancellations, TopCities, TopCategories, Lifecycle, TopCustomers];
}
