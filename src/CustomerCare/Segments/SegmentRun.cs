using CustomerCare.Segments.Evaluation;
using CustomerCare.Segments.Membership;
using NodaTime;

namespace CustomerCare.Segments;

/// <summary>The outcome of evaluating every segment: the table evaluated, each segment's members and who entered or left.</summary>
/// <param name="AsOf">The evaluation instant.</param>
/// <param name="Table">The customers evaluated.</param>
/// <param name="Results">One result per segment, in catalog order.</param>
public sealed record SegmentRun(Instant AsOf, CustomerTable Table, IReadOnlyList<SegmentResult> Results);

/// <summary>One segment's members at an evaluation, and the changes since the previous one.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="Members">The members.</param>
/// <param name="Changes">Who entered and who left since the previous evaluation.</param>
public sealed record SegmentResult(Segment Segment, SegmentMembership Members, IReadOnlyList<SegmentMembershipChange> Changes);
