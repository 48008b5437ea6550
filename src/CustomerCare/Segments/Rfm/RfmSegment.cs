namespace CustomerCare.Segments.Rfm;

/// <summary>The named group a customer's recency (R) and frequency (F) scores put them in.</summary>
/// <remarks>
/// The groups partition every buyer: F ≥ 4 and R ≥ 4 → <see cref="Champions"/>; else F ≥ 3 and R ≥ 3 →
/// <see cref="Loyal"/>; F ≥ 3 and R ≤ 2 → <see cref="AtRisk"/>; F ≤ 2 and R ≥ 4 → <see cref="New"/>; F ≤ 2 and R = 1 →
/// <see cref="Lost"/>; F ≤ 2 and R of 2 or 3 → <see cref="Hibernating"/>. Customers without orders are
/// <see cref="None"/>.
/// </remarks>
public enum RfmSegment
{
    /// <summary>No orders, so no scores.</summary>
    None = 0,

    /// <summary>Bought recently and often.</summary>
    Champions,

    /// <summary>Buys regularly.</summary>
    Loyal,

    /// <summary>Used to buy often, but not lately.</summary>
    AtRisk,

    /// <summary>Bought rarely and not lately.</summary>
    Hibernating,

    /// <summary>Bought rarely, long ago.</summary>
    Lost,

    /// <summary>Bought recently, but only once or twice.</summary>
    New,
}
