using CustomerCare.Customers;
using CustomerCare.Privacy.Audit;
using CustomerCare.Storage;
using Microsoft.Extensions.Options;

namespace CustomerCare.Privacy.Consent;

/// <summary>
/// Records consent: the one place where a grant or a withdrawal enters the system. It appends to the
/// <see cref="IConsentLedger"/> (the source of truth), derives the state again from the customer's whole history, and
/// commits it as the customer's <see cref="Customer.Consents"/> snapshot with optimistic retries.
/// </summary>
/// <remarks>
/// <para>The ledger is written first: if the snapshot commit fails the ledger still holds the record, and the next
/// <see cref="RecordAsync"/> or <see cref="RefreshAsync"/> brings the snapshot up to date. Messages are gated on the
/// ledger, never on the snapshot alone, so a lagging snapshot can only select a customer that the send path then
/// refuses.</para>
/// <para>A record for a customer who is not in the store yet is kept; call <see cref="RefreshAsync"/> after the
/// customer is stored to copy the state onto the profile.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class ConsentService
{
    private readonly IConsentLedger _ledger;
    private readonly ICustomerStore _customers;
    private readonly int _maxAttempts;
    private readonly AuditTrail? _audit;

    /// <summary>Creates the service.</summary>
    /// <param name="ledger">The consent ledger.</param>
    /// <param name="customers">The customer store holding the snapshots.</param>
    /// <param name="options">The library options, for <see cref="CustomerCareOptions.MaxCommitAttempts"/>.</param>
    /// <param name="audit">Where each batch of new records is recorded (customers, purposes, channels, actions); optional.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    public ConsentService(IConsentLedger ledger, ICustomerStore customers, IOptions<CustomerCareOptions> options, AuditTrail? audit = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _maxAttempts = Math.Max(1, options.Value.MaxCommitAttempts);
        _audit = audit;
    }

    /// <summary>Records one grant or withdrawal and updates the customer's snapshot.</summary>
    /// <param name="record">The record; appending it again is harmless.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether it was new, and the customer's state after it.</returns>
    /// <exception cref="ConsentRecordConflictException">The record's id is in the ledger with different content.</exception>
    /// <exception cref="ConcurrencyException">The snapshot lost every one of its optimistic retries (the ledger holds the record).</exception>
    public async ValueTask<ConsentRecordResult> RecordAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var batch = await RecordAllAsync([record], cancellationToken).ConfigureAwait(false);
        return new ConsentRecordResult(batch.Appended, batch.States[record.CustomerId], batch.SnapshotsUpdated == 1);
    }

    /// <summary>Records a batch of grants and withdrawals, all or nothing in the ledger, then updates each customer's snapshot.</summary>
    /// <param name="records">The records, in the order they were given or withdrawn; ids must be distinct.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many records were new, and each customer's state after the batch.</returns>
    /// <exception cref="ArgumentException">Two records share an id.</exception>
    /// <exception cref="ConsentRecordConflictException">A record's id is in the ledger with different content; nothing was written.</exception>
    /// <exception cref="ConcurrencyException">A snapshot lost every one of its optimistic retries (the ledger holds the records).</exception>
    public async ValueTask<ConsentBatchResult> RecordAllAsync(IReadOnlyList<ConsentRecord> records, CancellationToken cancellationToken = default)
    {
        ConsentLedgerBatch.Check(records);
        // The ledger first: it is the source of truth, and an append is idempotent, so a failed snapshot can be redone.
        var appended = await _ledger.AppendAsync(records, cancellationToken).ConfigureAwait(false);
        if (appended > 0 && _audit is not null)
        {
            // Evidence and sources stay in the ledger; the audit entry says only who changed what, without personal data.
            var subject = records.Count == 1 ? records[0].CustomerId.Value : $"{records.Select(r => r.CustomerId).Distinct().Count()} customers";
            var details = string.Join(
                ",",
                records.GroupBy(r => $"{r.Action}:{r.Purpose}/{r.Channel}".ToLowerInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));
            await _audit.RecordAsync("consent", AuditActionKind.ConsentChange, subject, details, cancellationToken).ConfigureAwait(false);
        }

        var states = new Dictionary<CustomerId, ConsentState>();
        var updated = 0;
        foreach (var customerId in records.Select(r => r.CustomerId).Distinct())
        {
            var (state, changed) = await CommitSnapshotAsync(customerId, cancellationToken).ConfigureAwait(false);
            states[customerId] = state;
            updated += changed ? 1 : 0;
        }

        return new ConsentBatchResult(appended, states, updated);
    }

    /// <summary>Derives a customer's state from the ledger again and commits it on the customer when it differs.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The state, and whether the snapshot was changed.</returns>
    /// <exception cref="ConcurrencyException">The snapshot lost every one of its optimistic retries.</exception>
    public ValueTask<(ConsentState State, bool Updated)> RefreshAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        CommitSnapshotAsync(customerId, cancellationToken);

    /// <summary>The customer's current state, read from the ledger (not from the snapshot).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state.</returns>
    public ValueTask<ConsentState> CurrentAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        _ledger.StateAsync(customerId, cancellationToken);

    /// <summary>One customer's history, by time then sequence.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    public ValueTask<IReadOnlyList<ConsentRecord>> HistoryAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        _ledger.HistoryAsync(customerId, cancellationToken);

    private async ValueTask<(ConsentState State, bool Updated)> CommitSnapshotAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The customer is read before the state: a commit that wins over a later record is then retried, because
            // the later record's own snapshot commit bumps the version first or re-derives after it.
            var customer = await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false);
            var state = await _ledger.StateAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (customer is null || customer.Consents == state)
            {
                return (state, false);
            }

            var result = await _customers.CommitAsync(
                new CustomerChangeSet { Customers = [new VersionedWrite<Customer>(customer with { Consents = state }, customer.Version)] },
                cancellationToken).ConfigureAwait(false);
            if (result.IsCommitted)
            {
                return (state, true);
            }

            if (attempt >= _maxAttempts)
            {
                throw new ConcurrencyException($"The consent snapshot of customer '{customerId}' lost {attempt} optimistic retries; the ledger holds the records, so call RefreshAsync again.");
            }
        }
    }
}
