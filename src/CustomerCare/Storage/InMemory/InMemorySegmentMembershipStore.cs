using CustomerCare.Customers;
using CustomerCare.Segments.Membership;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="ISegmentMembershipStore"/>: membership intervals in process memory.</summary>
/// <remarks>Thread-safe: one lock per store; every call holds it briefly and never across I/O.</remarks>
public sealed class InMemorySegmentMembershipStore : ISegmentMembershipStore, IPersonalDataHolder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SegmentHistory> _segments = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SegmentMembershipChange>> RecordAsync(string segment, Instant evaluatedAt, IReadOnlyCollection<CustomerId> members, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        ArgumentNullException.ThrowIfNull(members);
        cancellationToken.ThrowIfCancellationRequested();
        var now = members.ToHashSet();
        lock (_lock)
        {
            if (!_segments.TryGetValue(segment, out var history))
            {
                history = new SegmentHistory();
                _segments.Add(segment, history);
            }

            if (history.LastEvaluated is { } last && evaluatedAt < last)
            {
                throw new ArgumentException($"Segment '{segment}' was last evaluated at {last}; an evaluation at {evaluatedAt} would go back in time.", nameof(evaluatedAt));
            }

            var changes = new List<SegmentMembershipChange>();
            foreach (var left in history.Current.Where(id => !now.Contains(id)).ToArray())
            {
                var intervals = history.Intervals[left];
                intervals[^1] = intervals[^1] with { Until = evaluatedAt };
                history.Current.Remove(left);
                changes.Add(new SegmentMembershipChange(segment, left, SegmentChangeKind.Left, evaluatedAt));
            }

            foreach (var entered in now.Where(id => !history.Current.Contains(id)))
            {
                if (!history.Intervals.TryGetValue(entered, out var intervals))
                {
                    intervals = [];
                    history.Intervals.Add(entered, intervals);
                }

                intervals.Add(new Interval(evaluatedAt, null));
                history.Current.Add(entered);
                changes.Add(new SegmentMembershipChange(segment, entered, SegmentChangeKind.Entered, evaluatedAt));
            }

            changes.Sort((a, b) => a.CustomerId.CompareTo(b.CustomerId));
            history.Changes.AddRange(changes);
            history.LastEvaluated = evaluatedAt;
            return ValueTask.FromResult<IReadOnlyList<SegmentMembershipChange>>(changes);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CustomerId>> MembersAtAsync(string segment, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<CustomerId> members = _segments.TryGetValue(segment, out var history)
                ? [.. history.Intervals.Where(p => p.Value.Any(i => i.From <= at && (i.Until is null || at < i.Until))).Select(p => p.Key).Order()]
                : [];
            return ValueTask.FromResult(members);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SegmentMembershipChange>> ChangesAsync(string segment, Instant after, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<SegmentMembershipChange> changes = _segments.TryGetValue(segment, out var history)
                ? [.. history.Changes.Where(c => c.At > after)]
                : [];
            return ValueTask.FromResult(changes);
        }
    }

    /// <inheritdoc />
    public ValueTask<Instant?> LastEvaluatedAsync(string segment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_segments.TryGetValue(segment, out var history) ? history.LastEvaluated : null);
        }
    }

    /// <inheritdoc />
    /// <remarks>Section <c>segment_membership</c>: the customer's entries and exits, in time order, then segment order.</remarks>
    public ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var changes = _segments.Values.SelectMany(h => h.Changes).Where(c => c.CustomerId == customerId)
                .OrderBy(c => c.At).ThenBy(c => c.Segment, StringComparer.Ordinal).ToArray();
            return ValueTask.FromResult<IReadOnlyList<PersonalDataSection>>(changes.Length == 0 ? [] : [PersonalDataSection.From("segment_membership", changes)]);
        }
    }

    /// <inheritdoc />
    /// <remarks>Changes nothing: membership history holds only the pseudonymous customer id, segment names and instants, which campaign audits need.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ErasureChanges.None);
    }

    private sealed record Interval(Instant From, Instant? Until);

    private sealed class SegmentHistory
    {
        public Instant? LastEvaluated { get; set; }

        public HashSet<CustomerId> Current { get; } = [];

        public Dictionary<CustomerId, List<Interval>> Intervals { get; } = [];

        public List<SegmentMembershipChange> Changes { get; } = [];
    }
}
