using CustomerCare.Feedback.Reviews;
using CustomerCare.Insights;

namespace CustomerCare.Sample.Reporting;

/// <summary>The customer-care part of the report: the library's <see cref="CareKpis"/> over everything the store holds, in plain numbers.</summary>
/// <param name="Complaints">Complaints and feedback received.</param>
/// <param name="ByChannel">Complaints per channel, by channel name.</param>
/// <param name="ByCategory">Complaints per category, by category name; empty categories left out.</param>
/// <param name="Open">Still open.</param>
/// <param name="Suspicious">Flagged as suspicious.</param>
/// <param name="FirstResponseMedianHours">The median business hours to the first answer.</param>
/// <param name="FirstResponseTargetsMet">The share of first answers within target, 0 to 1.</param>
/// <param name="ResolutionMedianHours">The median business hours to resolution.</param>
/// <param name="ResolutionTargetsMet">The share of resolutions within target, 0 to 1.</param>
/// <param name="CsatPercent">CSAT, the share of 4–5 answers in percent.</param>
/// <param name="CsatResponses">CSAT answers.</param>
/// <param name="Recoveries">Broken promises compensated.</param>
/// <param name="RecoveryCoupons">Of those, with a coupon.</param>
/// <param name="RepeatAfterRecovery">The share of recovered customers who ordered again after it.</param>
/// <param name="RecoveredCustomers">Customers with a recovery.</param>
/// <param name="RepeatWithoutRecovery">The share of other buyers who ordered twice or more.</param>
/// <param name="OtherCustomers">Buyers without a recovery.</param>
/// <param name="FlaggedProducts">Products flagged for persistently negative reviews.</param>
public sealed record CareSummary(
    int Complaints,
    IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyDictionary<string, int> ByCategory,
    int Open,
    int Suspicious,
    double? FirstResponseMedianHours,
    double? FirstResponseTargetsMet,
    double? ResolutionMedianHours,
    double? ResolutionTargetsMet,
    decimal? CsatPercent,
    int CsatResponses,
    int Recoveries,
    int RecoveryCoupons,
    double? RepeatAfterRecovery,
    int RecoveredCustomers,
    double? RepeatWithoutRecovery,
    int OtherCustomers,
    IReadOnlyList<string> FlaggedProducts)
{
    /// <summary>Projects the library's KPIs.</summary>
    /// <param name="kpis">The KPIs.</param>
    /// <param name="flagged">The flagged products.</param>
    /// <returns>The summary.</returns>
    public static CareSummary From(CareKpis kpis, IReadOnlyList<ProductReviewHealth> flagged)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(flagged);
        return new CareSummary(
            kpis.Complaints,
            kpis.ByChannel.ToDictionary(p => p.Key.ToString(), p => p.Value, StringComparer.Ordinal),
            kpis.ByCategory.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => p.Value, StringComparer.Ordinal),
            kpis.Open,
            kpis.Suspicious,
            Math.Round(kpis.FirstResponse.Median?.TotalHours ?? double.NaN, 1) is var f && double.IsNaN(f) ? null : f,
            kpis.FirstResponse.TargetsMet,
            Math.Round(kpis.Resolution.Median?.TotalHours ?? double.NaN, 1) is var r && double.IsNaN(r) ? null : r,
            kpis.Resolution.TargetsMet,
            kpis.Csat.Percent is { } csat ? Math.Round(csat, 1) : null,
            kpis.Csat.Responses,
            kpis.Recoveries.Total,
            kpis.Recoveries.WithCoupon,
            kpis.RepeatPurchase.Recovered.Share,
            kpis.RepeatPurchase.Recovered.Customers,
            kpis.RepeatPurchase.NotRecovered.Share,
            kpis.RepeatPurchase.NotRecovered.Customers,
            [.. flagged.Select(p => p.ProductId)]);
    }
}
