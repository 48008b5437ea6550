using System.Diagnostics;
using CustomerCare.Customers;
using CustomerCare.Diagnostics;
using CustomerCare.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Import;

/// <summary>
/// Imports customers, orders and reviews from CSV files, all or nothing: every row is checked first, and either the
/// whole import is written in one <see cref="ICustomerStore.CommitAsync"/> or nothing is.
/// </summary>
/// <remarks>
/// <para>
/// The formats are described in <c>docs/csv-format.md</c>. Files are read as streams within <see cref="CsvLimits"/>;
/// every error found is collected, up to <see cref="CsvLimits.MaxErrors"/>, and reported with its file, line and
/// column in a <see cref="CsvImportException"/>.
/// </para>
/// <para>
/// Each order row becomes the commerce events of its life (<c>import:order:{order_id}:placed</c>, <c>…:shipped</c>, …),
/// each customer row an <c>import:customer:{customer_id}</c> registration and each review an
/// <c>import:review:{review_id}</c>. They are applied in memory with <see cref="Orders.CommerceEventApplier"/>, in time
/// order, so imported statistics follow the same rules as live events, and each event gets a ledger entry.
/// </para>
/// <para>
/// A customer or order already in the store is refused rather than overwritten, so importing the same files twice
/// fails the second time and changes nothing. Orders and reviews may name customers that are already stored; their
/// statistics then continue from the stored state.
/// </para>
/// <para>
/// The <c>accepts_marketing</c> column is consent: <c>true</c> appends marketing grants (every channel, source
/// <c>import</c>, at the customer's sign-up) to the <see cref="Storage.IConsentLedger"/> before the customers are
/// committed, and the customers carry the resulting <see cref="Customer.Consents"/> snapshot.
/// </para>
/// <para>Thread-safe: one instance may run several imports at once; the store's version checks keep them apart.</para>
/// </remarks>
public sealed class CsvImporter
{
    private readonly ICustomerStore _store;
    private readonly Storage.IConsentLedger _consents;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly ImportContext _context;

    /// <summary>Creates an importer.</summary>
    /// <param name="store">The store written to.</param>
    /// <param name="consents">The consent ledger the <c>accepts_marketing</c> column's grants are appended to.</param>
    /// <param name="clock">The clock for "today" (birthdays in the future) and the ledger entries' processing instant.</param>
    /// <param name="options">The store currency and the default locale and time zone of customers.</param>
    /// <param name="logger">A logger, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FieldValidationException">The options name an unknown currency, time zone or locale.</exception>
    public CsvImporter(ICustomerStore store, Storage.IConsentLedger consents, IClock clock, IOptions<CustomerCareOptions> options, ILogger<CsvImporter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var settings = options.Value;
        _context = new ImportContext(
            clock,
            Currency.FromCode(settings.Currency),
            Locale.Parse(settings.DefaultLocale),
            TimeZones.Resolve(settings.DefaultTimeZone));
    }

    /// <summary>The bounds of the input; the documented <see cref="CsvLimits"/> unless a test lowers them.</summary>
    internal CsvReaderLimits Limits { get; init; } = CsvReaderLimits.Default;

    /// <summary>Checks the files and, when every row is valid, writes them to the store in one commit.</summary>
    /// <param name="sources">The customers, orders and optional reviews files.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written after cancellation.</param>
    /// <returns>How many customers, orders, reviews and events were written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> or one of its required files is null.</exception>
    /// <exception cref="CsvImportException">
    /// A file is malformed, a value is refused, a row breaks a rule of the order life, a customer or order already
    /// exists, or the store changed during the import. Nothing was written.
    /// </exception>
    /// <exception cref="OperationCanceledException">The import was cancelled; nothing was written.</exception>
    public async ValueTask<ImportSummary> ImportAsync(CsvImportSources sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(sources.Customers, nameof(sources) + "." + nameof(sources.Customers));
        ArgumentNullException.ThrowIfNull(sources.Orders, nameof(sources) + "." + nameof(sources.Orders));
        using var activity = CustomerCareTelemetry.ActivitySource.StartActivity("customercare.import");
        var sink = new CsvErrorSink(Limits.MaxErrors);
        var batch = new ImportBatch(_context);
        await CsvFileReader.ReadAsync(sources.Customers, CustomerColumns.All, Limits, sink, batch.AddCustomer, cancellationToken).ConfigureAwait(false);
        if (!sink.IsFull)
        {
            await CsvFileReader.ReadAsync(sources.Orders, OrderColumns.All, Limits, sink, batch.AddOrder, cancellationToken).ConfigureAwait(false);
        }

        if (!sink.IsFull && sources.Reviews is { } reviews)
        {
            await CsvFileReader.ReadAsync(reviews, ReviewColumns.All, Limits, sink, batch.AddReview, cancellationToken).ConfigureAwait(false);
        }

        var stored = sink.IsFull ? [] : await ImportStoreCheck.RunAsync(batch, _store, sink, cancellationToken).ConfigureAwait(false);
        var replay = sink.IsFull ? null : ImportReplay.Run(batch, stored, sink);
        if (replay is null || sink.HasErrors)
        {
            var errors = sink.Sorted([sources.Customers.Name, sources.Orders.Name, sources.Reviews?.Name ?? string.Empty]);
            ImportLog.Refused(_logger, errors.Count, sink.IsFull, errors[0].ToString());
            activity?.SetTag("customercare.import.errors", errors.Count);
            activity?.SetStatus(ActivityStatusCode.Error, "refused");
            throw new CsvImportException(errors, sink.IsFull);
        }

        // The ledger first: its grants have stable ids and are recorded at sign-up, so an import refused below and run
        // again appends nothing twice; a grant for a customer not yet stored lets no message out (the gates need the customer).
        var grants = batch.Customers.Where(c => c.AcceptsMarketing).SelectMany(c => ImportConsent.Grants(c.Profile)).ToList();
        if (grants.Count > 0)
        {
            await _consents.AppendAsync(grants, cancellationToken).ConfigureAwait(false);
        }

        var result = await _store.CommitAsync(replay.ToChangeSet(_clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
        if (!result.IsCommitted)
        {
            ImportLog.StoreChanged(_logger, result.Outcome.ToString(), result.ConflictKey ?? "?");
            activity?.SetStatus(ActivityStatusCode.Error, "store changed");
            throw new CsvImportException([StoreChanged(result, replay)]);
        }

        var summary = new ImportSummary(batch.Customers.Count, batch.Orders.Count, batch.Reviews.Count, replay.EventCount);
        Log.Imported(_logger, summary.Customers, summary.Orders, summary.Events);
        activity?.SetTag("customercare.import.customers", summary.Customers);
        activity?.SetTag("customercare.import.orders", summary.Orders);
        activity?.SetTag("customercare.import.reviews", summary.Reviews);
        activity?.SetTag("customercare.import.events", summary.Events);
        return summary;
    }

    private static CsvError StoreChanged(CommitResult result, ImportReplay replay)
    {
        var key = result.ConflictKey ?? "?";
        var (what, row) = result.Outcome == CommitOutcome.EventAlreadyProcessed
            ? ($"event '{key}' was recorded by another writer", replay.Sources.GetValueOrDefault(ImportReplay.EventKey(key)))
            : ($"'{key}' was written by another writer", replay.Sources.GetValueOrDefault(ImportReplay.CustomerKey(key)) is { Header: not null } c ? c : replay.Sources.GetValueOrDefault(ImportReplay.OrderKey(key)));
        var reason = $"the store changed while the import ran: {what}; nothing was written, so run the import again to check the files against the new state";
        return row.Header is null
            ? new CsvError("(store)", 0, 0, null, key, reason) { Code = CsvErrorCodes.StoreChanged }
            : new CsvError(row.File, row.Line, 0, null, key, reason) { Code = CsvErrorCodes.StoreChanged };
    }
}
