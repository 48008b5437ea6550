using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="IConsentLedger"/>: the history in process memory.</summary>
/// <remarks>Thread-safe: one lock makes each batch's conflict check and its appends one step.</remarks>
public sealed class InMemoryConsentLedger : IConsentLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ConsentRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<CustomerId, List<ConsentRecord>> _byCustomer = [];

    /// <inheritdoc />
    public ValueTask<int> AppendAsync(IReadOnlyList<ConsentRecord> records, CancellationToken cancellationToken = default)
    {
        ConsentLedgerBatch.Check(records);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var fresh = new List<ConsentRecord>(records.Count);
            foreach (var record in records)
            {
                if (!_byId.TryGetValue(record.Id, out var stored))
                {
                    fresh.Add(record);
                }
                else if (stored != record)
                {
                    throw ConsentRecordConflictException.ForRecord(record.Id);
                }
            }

            foreach (var record in fresh)
            {
                _byId.Add(record.Id, record);
                if (!_byCustomer.TryGetValue(record.CustomerId, out var history))
                {
                    _byCustomer.Add(record.CustomerId, history = []);
                }

                history.Add(record);
            }

            return ValueTask.FromResult(fresh.Count);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ConsentRecord>> HistoryAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<ConsentRecord> history = _byCustomer.TryGetValue(customerId, out var records) ? [.. records.OrderBy(r => r.RecordedAt)] : [];
            return ValueTask.FromResult(history);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ConsentState> StateAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        ConsentState.From(await HistoryAsync(customerId, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult((long)_byId.Count);
        }
    }
}
