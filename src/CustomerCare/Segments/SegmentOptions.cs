using CustomerCare.Segments.Rfm;

namespace CustomerCare.Segments;

/// <summary>Settings for segments, RFM scoring and lifecycle stages.</summary>
public sealed class SegmentOptions
{
    /// <summary>How RFM cut points are computed. Default <see cref="QuantileMethod.NearestRank"/>.</summary>
    public QuantileMethod QuantileMethod { get; set; } = QuantileMethod.NearestRank;

    /// <summary>A customer is <c>new</c> within this many days of their first order (or of sign-up, before any order). Default 30.</summary>
    public int NewCustomerDays { get; set; } = 30;

    /// <summary>A customer is <c>active</c> while their last order is at most this many days old. Default 90.</summary>
    public int ActiveDays { get; set; } = 90;

    /// <summary>A customer is <c>at_risk</c> while their last order is at most this many days old, and <c>lapsed</c> after. Default 180.</summary>
    public int AtRiskDays { get; set; } = 180;

    /// <summary>Whether the <see cref="BuiltInSegments"/> are evaluated. Default <see langword="true"/>.</summary>
    public bool IncludeBuiltInSegments { get; set; } = true;

    /// <summary>Segments of your own; a name equal to a built-in one replaces it.</summary>
    public IList<SegmentDefinition> Definitions { get; } = [];

    /// <summary>Checks that the thresholds are positive and increasing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of order.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(NewCustomerDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(ActiveDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AtRiskDays, ActiveDays);
    }
}
