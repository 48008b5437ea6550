using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="IConsentLedger"/>: the history in process memory.</summary>
/// <remarks>Thread-safe: one lock makes each batch's conflict check and its appends one step.</remarks>
public sealed class InMemoryConsentLedger : IConsentLedger, IPersonalDataHolder
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

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var history = await HistoryAsync(customerId, cancellationToken).ConfigureAwait(false);
        return history.Count == 0 ? [] : [PersonalDataSection.From(ConsentErasure.Section, history)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Removes the evidence of each record (see <see cref="ConsentErasure"/>); purpose, channel, action, source, time and
    /// policy version stay, as the record of what the customer agreed to and when.
    /// </remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_byCustomer.TryGetValue(customerId, out var history))
            {
                return ValueTask.FromResult(ErasureChanges.None);
            }

            var changed = 0;
            for (var i = 0; i < history.Count; i++)
            {
                if (ConsentErasure.TryErase(history[i], out var masked))
                {
                    history[i] = masked;
                    _byId[masked.Id] = masked;
                    changed++;
                }
            }

            return ValueTask.FromResult(ErasureChanges.None.With(ConsentErasure.Section, changed));
        }
    }
}
