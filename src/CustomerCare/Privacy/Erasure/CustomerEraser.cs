using System.Collections.Immutable;
using CustomerCare.Customers;
using CustomerCare.Privacy.Audit;
using CustomerCare.Privacy.Redaction;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Privacy.Erasure;

/// <summary>
/// Erases one customer's personal data in every store that holds some: each store redacts or removes it in one
/// transaction of its own, keeping what the law and the books need without identity.
/// </summary>
/// <remarks>
/// <para><b>Order and resumability.</b> The customer's e-mail, phone and name are read from the profile first, and
/// every other store is erased with them; the profile itself is anonymized last, and only when every other store
/// finished. A store that fails is reported (<see cref="ErasureReport.IsComplete"/> is <see langword="false"/>) and the
/// others still run; since the profile still holds the values to mask, running the erasure again finishes the rest,
/// and stores that finished before change nothing the second time (their erasure is idempotent).</para>
/// <para><b>Thread safety.</b> Thread-safe; two erasures of one customer racing are harmless, as each store's erasure is
/// idempotent.</para>
/// </remarks>
public sealed class CustomerEraser
{
    private readonly IReadOnlyList<IPersonalDataHolder> _holders;
    private readonly ICustomerStore _customers;
    private readonly IClock _clock;
    private readonly ITextRedactor? _redactor;
    private readonly AuditTrail? _audit;

    /// <summary>Creates the eraser.</summary>
    /// <param name="holders">The stores that take part; the customer store among them is run last.</param>
    /// <param name="customers">The customer store, which holds the profile and its known values.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="redactor">The pattern redactor for free text, run after the known values are masked; optional.</param>
    /// <param name="audit">Where each erasure is recorded (which customer, what each store changed, no personal data); optional.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    public CustomerEraser(IEnumerable<IPersonalDataHolder> holders, ICustomerStore customers, IClock clock, ITextRedactor? redactor = null, AuditTrail? audit = null)
    {
        ArgumentNullException.ThrowIfNull(holders);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(clock);
        _holders = [.. holders.Distinct(ReferenceEqualityComparer.Instance).Cast<IPersonalDataHolder>()];
        _customers = customers;
        _clock = clock;
        _redactor = redactor;
        _audit = audit;
    }

    /// <summary>The stores that take part, in the order they are erased: the customer store last.</summary>
    public IReadOnlyList<IPersonalDataHolder> Holders =>
        [.. _holders.Where(h => !ReferenceEquals(h, _customers)), .. _holders.Where(h => ReferenceEquals(h, _customers))];

    /// <summary>Erases a customer's personal data in every store.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the erasure between stores; a store's own transaction is all or nothing.</param>
    /// <returns>What each store did; see <see cref="ErasureReport.IsComplete"/>.</returns>
    /// <exception cref="UnknownCustomerException">The customer store does not hold <paramref name="customerId"/>.</exception>
    public async ValueTask<ErasureReport> EraseAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var customer = await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false) ?? throw new UnknownCustomerException(customerId);
        var now = _clock.GetCurrentInstant();
        var context = new ErasureContext(customerId, KnownPersonalData.From(customer), now, _redactor);
        var results = ImmutableArray.CreateBuilder<StoreErasure>(_holders.Count);
        foreach (var holder in _holders.Where(h => !ReferenceEquals(h, _customers)))
        {
            results.Add(await EraseAsync(holder, customerId, context, cancellationToken).ConfigureAwait(false));
        }

        if (_customers is IPersonalDataHolder profile && _holders.Contains(profile))
        {
            // The profile holds the values the other stores mask; anonymizing it while one of them failed would leave
            // that store's data unmaskable by a rerun.
            results.Add(results.All(r => r.Error is null)
                ? await EraseAsync(profile, customerId, context, cancellationToken).ConfigureAwait(false)
                : new StoreErasure(Name(profile), ErasureChanges.None, "Skipped: another store failed; the profile keeps the values to mask until a rerun finishes."));
        }

        var report = new ErasureReport(customerId, now, results.ToImmutable());
        await AuditAsync(report, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private static async ValueTask<StoreErasure> EraseAsync(IPersonalDataHolder holder, CustomerId customerId, ErasureContext context, CancellationToken cancellationToken)
    {
        try
        {
            return new StoreErasure(Name(holder), await holder.EraseAsync(customerId, context, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One store's failure must not stop the others: the report says which one to look at, and a rerun finishes.
            return new StoreErasure(Name(holder), ErasureChanges.None, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private async ValueTask AuditAsync(ErasureReport report, CancellationToken cancellationToken)
    {
        if (_audit is null)
        {
            return;
        }

        var changes = string.Join("; ", report.Stores.Select(store => $"{store.Store}: {(store.Error is null ? store.Changes.ToString() : "failed")}"));
        await _audit.RecordAsync("system", AuditActionKind.Erasure, report.CustomerId.Value, $"complete={report.IsComplete}; {changes}", cancellationToken).ConfigureAwait(false);
    }

    private static string Name(IPersonalDataHolder holder) => holder.GetType().Name;
}
