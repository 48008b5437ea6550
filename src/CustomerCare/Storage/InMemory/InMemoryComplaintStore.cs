using CustomerCare.Complaints;
using CustomerCare.Customers;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Specifications;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="IComplaintStore"/>: complaints in process memory.</summary>
/// <remarks>Thread-safe: one lock per store, held briefly; reads evaluate over a snapshot taken under it.</remarks>
public sealed class InMemoryComplaintStore : IComplaintStore, IPersonalDataHolder
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, Complaint> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(ComplaintChannel Channel, string Reference), string> _bySource = [];

    /// <inheritdoc />
    public ValueTask<ComplaintAddResult> AddAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_bySource.TryGetValue((complaint.Channel, complaint.SourceReference), out var existing))
            {
                return ValueTask.FromResult(new ComplaintAddResult(_byId[existing], Added: false));
            }

            if (_byId.ContainsKey(complaint.Id.Value))
            {
                throw new ArgumentException($"Complaint id {complaint.Id} is already taken by another complaint.", nameof(complaint));
            }

            var stored = complaint with { Version = 1 };
            _byId.Add(stored.Id.Value, stored);
            _bySource.Add((stored.Channel, stored.SourceReference), stored.Id.Value);
            return ValueTask.FromResult(new ComplaintAddResult(stored, Added: true));
        }
    }

    /// <inheritdoc />
    public ValueTask<Complaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_byId.GetValueOrDefault(id.Value));
        }
    }

    /// <inheritdoc />
    public ValueTask<Complaint?> FindBySourceAsync(ComplaintChannel channel, string sourceReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceReference);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_bySource.TryGetValue((channel, sourceReference), out var id) ? _byId[id] : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<Complaint?> UpdateAsync(Complaint complaint, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_byId.TryGetValue(complaint.Id.Value, out var stored) || stored.Version != expectedVersion)
            {
                return ValueTask.FromResult<Complaint?>(null);
            }

            if (stored.Channel != complaint.Channel || !string.Equals(stored.SourceReference, complaint.SourceReference, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Complaint {complaint.Id}: the channel and source reference cannot change.", nameof(complaint));
            }

            var updated = complaint with { Version = expectedVersion + 1 };
            _byId[updated.Id.Value] = updated;
            return ValueTask.FromResult<Complaint?>(updated);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Complaint>> ListAsync(ISpecification<Complaint> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Complaint> result = InMemorySpecificationEvaluator.Evaluate(Snapshot(), specification).ToArray();
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public ValueTask<long> CountAsync(ISpecification<Complaint> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(InMemorySpecificationEvaluator.Count(Snapshot(), specification));
    }

    /// <inheritdoc />
    /// <remarks>Section <c>complaints</c>: those matched to the customer or written from their e-mail or phone.</remarks>
    public ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var complaints = Snapshot().Where(c => c.CustomerId == customerId).ToArray();
        return ValueTask.FromResult<IReadOnlyList<PersonalDataSection>>(complaints.Length == 0 ? [] : [PersonalDataSection.From("complaints", complaints)]);
    }

    /// <inheritdoc />
    /// <remarks>Redacts each of the customer's complaints with <see cref="PersonalDataRedaction"/>, under the next version; none is deleted.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var changed = 0;
            foreach (var complaint in _byId.Values.Where(c => PersonalDataRedaction.Concerns(c, context)).ToArray())
            {
                if (PersonalDataRedaction.TryRedact(complaint, context, out var redacted))
                {
                    _byId[complaint.Id.Value] = redacted with { Version = complaint.Version + 1 };
                    changed++;
                }
            }

            return ValueTask.FromResult(ErasureChanges.None.With("complaints", changed));
        }
    }

    private Complaint[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _byId.Values];
        }
    }
}
