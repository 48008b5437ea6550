using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Segments.Membership;

/// <summary>A customer entered or left a segment at an evaluation; campaigns react to these.</summary>
/// <param name="Segment">The segment name.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Kind">Entered or left.</param>
/// <param name="At">The evaluation instant that saw the change.</param>
public sealed record SegmentMembershipChange(string Segment, CustomerId CustomerId, SegmentChangeKind Kind, Instant At);

/// <summary>Whether a customer entered or left a segment.</summary>
public enum SegmentChangeKind
{
    /// <summary>Was not a member at the previous evaluation, is now.</summary>
    Entered = 0,

    /// <summary>Was a member at the previous evaluation, is not now.</summary>
    Left,
}
