using CustomerCare.Customers;
using CustomerCare.Segments.Membership;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>
/// Keeps the history of segment membership, so that "who was in the segment when the campaign went out" has an
/// answer, and reports who entered and who left at each evaluation.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Membership is known at evaluation instants and holds until the next evaluation of the same
/// segment: a customer is a member at instant t when the latest evaluation at or before t included them.</para>
/// <para><b>Atomicity.</b> <see cref="RecordAsync"/> compares with the current members and writes the changes as one
/// atomic step; two concurrent recordings of the same segment are serialized, so every change is reported once.</para>
/// <para><b>Order.</b> Evaluations of a segment move forward in time: recording an instant earlier than the segment's
/// latest evaluation throws <see cref="ArgumentException"/> and writes nothing. Results are in ascending ordinal
/// customer order; changes in time order, then customer order.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently.</para>
/// </remarks>
public interface ISegmentMembershipStore
{
    /// <summary>Records an evaluation and returns who entered and who left since the previous one.</summary>
    /// <param name="segment">The segment name.</param>
    /// <param name="evaluatedAt">The evaluation instant; not earlier than the segment's latest.</param>
    /// <param name="members">Every member at this evaluation.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is written then.</param>
    /// <returns>The changes; at the first evaluation, every member entered.</returns>
    ValueTask<IReadOnlyList<SegmentMembershipChange>> RecordAsync(string segment, Instant evaluatedAt, IReadOnlyCollection<CustomerId> members, CancellationToken cancellationToken = default);

    /// <summary>The members at an instant: those of the latest evaluation at or before it.</summary>
    /// <param name="segment">The segment name.</param>
    /// <param name="at">The instant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The members, ascending; empty before the first evaluation.</returns>
    ValueTask<IReadOnlyList<CustomerId>> MembersAtAsync(string segment, Instant at, CancellationToken cancellationToken = default);

    /// <summary>The changes recorded at evaluations after an instant.</summary>
    /// <param name="segment">The segment name.</param>
    /// <param name="after">Changes at this instant or earlier are left out.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The changes, in time order, then customer order.</returns>
    ValueTask<IReadOnlyList<SegmentMembershipChange>> ChangesAsync(string segment, Instant after, CancellationToken cancellationToken = default);

    /// <summary>The instant of the segment's latest evaluation.</summary>
    /// <param name="segment">The segment name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instant, or <see langword="null"/> before the first.</returns>
    ValueTask<Instant?> LastEvaluatedAsync(string segment, CancellationToken cancellationToken = default);
}
