using CustomerCare.Sample.Simulation;
using NodaTime;

namespace CustomerCare.Sample.Reporting;

/// <summary>
/// The label/value rows of each section, shared by the plain-text and the table writers so both always show the
/// same figures.
/// </summary>
public static class ReportRows
{
    /// <summary>The rows of the simulation summary.</summary>
    /// <param name="result">The run.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Simulation(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<(string, string)>
        {
            ("Store", result.Store),
            ("Seed", result.Settings.Seed.ToString(HumanFormat.Culture)),
            ("Customers", HumanFormat.Count(result.Settings.Customers)),
            ("Days", result.ResumedAfterDays == 0 ? HumanFormat.Count(result.Settings.Days) : $"{HumanFormat.Count(result.Settings.Days)} after {HumanFormat.Count(result.ResumedAfterDays)}"),
            ("From", HumanFormat.Date(result.StartedAt)),
            ("To (last simulated day)", HumanFormat.Date(result.EndedAt - Duration.FromDays(1))),
            ("Events delivered", HumanFormat.Count(result.EventsDelivered)),
            ("Events applied", HumanFormat.Count(result.EventsApplied)),
        };
        rows.AddRange(result.AppliedByKind.Select(kind => ("  " + kind.Key, HumanFormat.Count(kind.Value))));
        rows.Add(("Duplicates sent on purpose", HumanFormat.Count(result.DuplicatesSent)));
        rows.Add(("Recognized as duplicates", HumanFormat.Count(result.DuplicatesRecognized)));
        rows.Add(("Rejected events", HumanFormat.Count(result.Rejections.Length)));
        rows.Add(("Still in flight at the end", HumanFormat.Count(result.EventsInFlight)));
        rows.Add(("Complaints and feedback sent", HumanFormat.Count(result.Care.ComplaintsSent)));
        rows.Add(("  from made-up accounts", HumanFormat.Count(result.Care.FakePostsSent)));
        rows.Add(("Staff answers", HumanFormat.Count(result.Care.Replies)));
        rows.Add(("Surveys sent / answered", $"{HumanFormat.Count(result.Care.SurveysSent)} / {HumanFormat.Count(result.Care.SurveysAnswered)}"));
        rows.Add(("Target warnings and breaches", HumanFormat.Count(result.Care.SlaEscalations)));
        rows.Add(("Messages sent to customers", HumanFormat.Count(result.Messages.Sent)));
        rows.Add(("  still waiting (quiet hours, cap)", HumanFormat.Count(result.Messages.Waiting)));
        rows.Add(("  failed or given up", HumanFormat.Count(result.Messages.Failed + result.Messages.DeadLettered)));
        return rows;
    }

    /// <summary>The rows of the customer counts.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Customers(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            ("Total", HumanFormat.Count(report.Customers.Total)),
            ("Ordered at least once", HumanFormat.Count(report.Customers.WithOrders)),
            ("Living abroad", HumanFormat.Count(report.Customers.Abroad)),
            ("Tagged vip", HumanFormat.Count(report.Customers.Vip)),
            ("Consent: marketing by e-mail", HumanFormat.Count(report.Customers.MarketingByEmail)),
            ("Consent: marketing by SMS", HumanFormat.Count(report.Customers.MarketingBySms)),
            ("Consent: surveys by e-mail", HumanFormat.Count(report.Customers.SurveysByEmail)),
        ];
    }

    /// <summary>The rows of the orders by status.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Orders(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var orders = report.Orders;
        return
        [
            ("Placed", HumanFormat.Count(orders.Placed)),
            ("Shipped", HumanFormat.Count(orders.Shipped)),
            ("Delivered", HumanFormat.Count(orders.Delivered)),
            ("Partially returned", HumanFormat.Count(orders.PartiallyReturned)),
            ("Returned", HumanFormat.Count(orders.Returned)),
            ("Cancelled", HumanFormat.Count(orders.Cancelled)),
            ("Total", HumanFormat.Count(orders.Total)),
        ];
    }

    /// <summary>The rows of the revenue.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Revenue(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var revenue = report.Revenue;
        return
        [
            ("Gross (all orders placed)", HumanFormat.Amount(revenue.Gross, report.Currency)),
            ("Less cancelled", HumanFormat.Amount(-revenue.Cancelled, report.Currency)),
            ("Less refunded", HumanFormat.Amount(-revenue.Refunded, report.Currency)),
            ("Net spend", HumanFormat.Amount(revenue.NetSpend, report.Currency)),
            ("Standing orders", HumanFormat.Count(revenue.StandingOrders)),
            ("Average order value", HumanFormat.Amount(revenue.AverageOrderValue, report.Currency)),
        ];
    }

    /// <summary>The rows of returns and cancellations.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Returns(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = report.ReturnsAndCancellations;
        return
        [
            ("Returns recorded", HumanFormat.Count(figures.ReturnEvents)),
            ("Orders with returns", $"{HumanFormat.Count(figures.OrdersWithReturns)} ({HumanFormat.Percent(figures.ReturnRate)} of delivered)"),
            ("Refunded", HumanFormat.Amount(figures.Refunded, report.Currency)),
            ("Cancelled orders", $"{HumanFormat.Count(figures.CancelledOrders)} ({HumanFormat.Percent(figures.CancellationRate)} of placed)"),
            ("Cancelled value", HumanFormat.Amount(figures.CancelledValue, report.Currency)),
        ];
    }

    /// <summary>The rows of the lifecycle buckets.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Lifecycle(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buckets = report.Lifecycle;
        return
        [
            ("0–30 days", HumanFormat.Count(buckets.Days0To30)),
            ("31–90 days", HumanFormat.Count(buckets.Days31To90)),
            ("91–180 days", HumanFormat.Count(buckets.Days91To180)),
            ("Over 180 days", HumanFormat.Count(buckets.DaysOver180)),
            ("Never ordered", HumanFormat.Count(buckets.Never)),
        ];
    }

    /// <summary>The rows of the campaigns section: coupons issued per campaign, such as "Birthday coupons issued".</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Campaigns(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Campaigns.Select(c => (CampaignLabel(c.Campaign) + " coupons issued", HumanFormat.Count(c.Issued)))];
    }

    /// <summary>The rows of the customer-care section.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Care(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var care = report.Care;
        return
        [
            ("Complaints and feedback", HumanFormat.Count(care.Complaints)),
            ("Still open", HumanFormat.Count(care.Open)),
            ("Flagged as suspicious", HumanFormat.Count(care.Suspicious)),
            ("First answer, median", Hours(care.FirstResponseMedianHours)),
            ("First answers within target", Share(care.FirstResponseTargetsMet)),
            ("Resolution, median", Hours(care.ResolutionMedianHours)),
            ("Resolutions within target", Share(care.ResolutionTargetsMet)),
            ("CSAT", care.CsatPercent is { } csat ? $"{HumanFormat.Percent(csat / 100m)} of {HumanFormat.Count(care.CsatResponses)}" : "-"),
            ("Broken promises compensated", HumanFormat.Count(care.Recoveries)),
            ("  of which with a coupon", HumanFormat.Count(care.RecoveryCoupons)),
            ("Bought again after a recovery", $"{Share(care.RepeatAfterRecovery)} of {HumanFormat.Count(care.RecoveredCustomers)}"),
            ("Bought again, no recovery", $"{Share(care.RepeatWithoutRecovery)} of {HumanFormat.Count(care.OtherCustomers)}"),
            ("Products flagged by reviews", care.FlaggedProducts.Count == 0 ? "none" : string.Join(", ", care.FlaggedProducts)),
        ];
    }

    /// <summary>The rows of complaints per channel.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> ComplaintsByChannel(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Care.ByChannel.Select(p => (p.Key, HumanFormat.Count(p.Value)))];
    }

    /// <summary>The rows of complaints per category.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> ComplaintsByCategory(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Care.ByCategory.Select(p => (p.Key, HumanFormat.Count(p.Value)))];
    }

    private static string Hours(double? hours) => hours is { } h ? HumanFormat.Number((decimal)h) + " business h" : "-";

    private static string Share(double? share) => share is { } s ? HumanFormat.Percent((decimal)s) : "-";

    private static string CampaignLabel(string campaign) =>
        campaign.Length == 0 ? campaign : char.ToUpperInvariant(campaign[0]) + campaign[1..].Replace('_', ' ').Replace('-', ' ');
}
