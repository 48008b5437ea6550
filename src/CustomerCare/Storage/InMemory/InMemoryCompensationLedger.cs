using CustomerCare.Customers;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="ICompensationLedger"/>: entries in process memory.</summary>
/// <remarks>Thread-safe: one lock per ledger makes the uniqueness check, the cap count and the insert one step.</remarks>
public sealed class InMemoryCompensationLedger : ICompensationLedger, IPersonalDataHolder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Subject, BrokenPromiseKind Kind), CompensationEntry> _entries = [];
    private readonly List<CompensationEntry> _inOrder = [];

    /// <inheritdoc />
    public ValueTask<(CompensationEntry Entry, CompensationOutcome Outcome)> RecordAsync(CompensationEntry entry, int maxCouponsPerCustomer, Instant capSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCouponsPerCustomer);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_entries.TryGetValue((entry.Subject, entry.Kind), out var existing))
            {
                return ValueTask.FromResult((existing, CompensationOutcome.AlreadyRecorded));
            }

            var stored = entry;
            if (entry.WithCoupon)
            {
                var used = _inOrder.Count(e => e.CustomerId == entry.CustomerId && e.WithCoupon && e.RecordedAt >= capSince);
                stored = entry with { WithCoupon = used < maxCouponsPerCustomer };
            }

            _entries.Add((stored.Subject, stored.Kind), stored);
            _inOrder.Add(stored);
            return ValueTask.FromResult((stored, CompensationOutcome.Recorded));
        }
    }

    /// <inheritdoc />
    public ValueTask<CompensationEntry?> FindAsync(string subject, BrokenPromiseKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_entries.GetValueOrDefault((subject, kind)));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CompensationEntry>> ListAsync(Instant from, Instant until, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<CompensationEntry> result = [.. _inOrder.Where(e => e.RecordedAt >= from && e.RecordedAt < until).OrderBy(e => e.RecordedAt)];
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CompensationEntry>> EntriesOfAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<CompensationEntry> result = [.. _inOrder.Where(e => e.CustomerId == customerId).OrderBy(e => e.RecordedAt)];
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc />
    /// <remarks>Section <c>compensations</c>, oldest first.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var entries = await EntriesOfAsync(customerId, cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? [] : [PersonalDataSection.From("compensations", entries)];
    }

    /// <inheritdoc />
    /// <remarks>Changes nothing: an entry holds the pseudonymous customer id, a subject (an order or complaint id), a kind and an instant, which the caps need.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ErasureChanges.None);
    }
}
