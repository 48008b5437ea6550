using CustomerCare.Complaints;
using CustomerCare.Feedback.Surveys;
using NodaTime;

namespace CustomerCare.Insights;

/// <summary>The customer-care KPIs of a period (seeds 001, 004): what came in, how fast it was answered, how customers felt, and whether recovery kept them.</summary>
/// <param name="Period">The period; a complaint counts when it was received in it.</param>
/// <param name="Complaints">How many complaints were received (positive feedback included).</param>
/// <param name="ByChannel">Complaints per channel, every channel listed.</param>
/// <param name="ByCategory">Complaints per category, every category listed.</param>
/// <param name="Open">Of those, how many are still open.</param>
/// <param name="Suspicious">Of those, how many carry a suspicion flag.</param>
/// <param name="FirstResponse">Time to the first answer, in business time.</param>
/// <param name="Resolution">Time to resolution, in business time.</param>
/// <param name="Csat">CSAT of the period's answers.</param>
/// <param name="Nps">NPS of the period's answers.</param>
/// <param name="Recoveries">Broken promises compensated in the period, and how many of them with a coupon.</param>
/// <param name="RepeatPurchase">The repeat-purchase rate of customers who had a recovery, against those who had none.</param>
public sealed record CareKpis(
    Interval Period,
    int Complaints,
    IReadOnlyDictionary<ComplaintChannel, int> ByChannel,
    IReadOnlyDictionary<ComplaintCategory, int> ByCategory,
    int Open,
    int Suspicious,
    ResponseTimes FirstResponse,
    ResponseTimes Resolution,
    CsatSummary Csat,
    NpsSummary Nps,
    RecoveryCounts Recoveries,
    RepeatPurchase RepeatPurchase);

/// <summary>How long something took, over the complaints where it happened.</summary>
/// <param name="Count">Complaints measured.</param>
/// <param name="Median">The median, or <see langword="null"/> when none.</param>
/// <param name="Average">The mean, or <see langword="null"/> when none.</param>
/// <param name="TargetsMet">The share that met its response target, 0 to 1, or <see langword="null"/> when none had a target.</param>
public sealed record ResponseTimes(int Count, Duration? Median, Duration? Average, double? TargetsMet);

/// <summary>Compensations recorded.</summary>
/// <param name="Total">Broken promises compensated.</param>
/// <param name="WithCoupon">Of those, with a coupon (the rest, past the cap or apology-only, got the apology alone).</param>
public sealed record RecoveryCounts(int Total, int WithCoupon);

/// <summary>A share of customers who bought again.</summary>
/// <param name="Customers">Customers in the group.</param>
/// <param name="Repeated">Of those, who ordered again.</param>
public sealed record RepeatRate(int Customers, int Repeated)
{
    /// <summary>The share, 0 to 1, or <see langword="null"/> for an empty group.</summary>
    public double? Share => Customers == 0 ? null : (double)Repeated / Customers;
}

/// <summary>
/// The repeat-purchase rate of customers who had a service recovery, against those who had none (seed 004: 82 % of
/// customers given good after-sales service buy again).
/// </summary>
/// <param name="Recovered">Customers with a recovery: "repeated" means an order after their first recovery.</param>
/// <param name="NotRecovered">Customers with an order and no recovery: "repeated" means a second order.</param>
public sealed record RepeatPurchase(RepeatRate Recovered, RepeatRate NotRecovered);
