namespace CustomerCare.Segments.Lifecycle;

/// <summary>Where a customer is in their relationship with the store, from day thresholds in <see cref="SegmentOptions"/>.</summary>
/// <remarks>
/// Decided in this order: a first order (or, without orders, the sign-up) within <c>NewCustomerDays</c> →
/// <see cref="New"/>; no orders → <see cref="Prospect"/>; last order within <c>ActiveDays</c> → <see cref="Active"/>;
/// within <c>AtRiskDays</c> → <see cref="AtRisk"/>; otherwise <see cref="Lapsed"/>.
/// </remarks>
public enum LifecycleStage
{
    /// <summary>Signed up long ago and never ordered.</summary>
    Prospect = 0,

    /// <summary>Recently acquired.</summary>
    New,

    /// <summary>Ordered recently.</summary>
    Active,

    /// <summary>Has not ordered for a while.</summary>
    AtRisk,

    /// <summary>Has not ordered for a long time.</summary>
    Lapsed,
}
