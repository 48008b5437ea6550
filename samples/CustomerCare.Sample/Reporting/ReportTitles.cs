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

    /// <summary>The segments of the catalog and their sizes.</summary>
    public const string Segments = "Segments";

    /// <summary>The campaigns section.</summary>
    public const string Campaigns = "Campaigns";

    /// <summary>The customer-care section.</summary>
    public const string Care = "Customer care";

    /// <summary>Complaints per channel.</summary>
    public const string ComplaintsByChannel = "Complaints by channel";

    /// <summary>Complaints per category.</summary>
    public const string ComplaintsByCategory = "Complaints by category";

    /// <summary>The first members of an ad-hoc rule.</summary>
    public const string RuleMembers = "First 10 members by customer id";

    /// <summary>The RFM quintile cut points.</summary>
    public const string RfmCutPoints = "RFM cut points";

    /// <summary>Customers per RFM segment.</summary>
    public const string RfmSegments = "Customers by RFM segment";

    /// <summary>Customers per lifecycle stage.</summary>
    public const string LifecycleStages = "Customers by lifecycle stage";

    /// <summary>Every section of the store report, in the order it is printed.</summary>
    public static IReadOnlyList<string> ReportSections { get; } =
        [Customers, OrdersByStatus, Revenue, ReturnsAndCancellations, TopCities, TopCategories, Lifecycle, TopCustomers];

    /// <summary>The sections the default run prints after the report: segment sizes, then the RFM summary.</summary>
    public static IReadOnlyList<string> SegmentSections { get; } = [Segments, RfmCutPoints, RfmSegments, LifecycleStages];
}
