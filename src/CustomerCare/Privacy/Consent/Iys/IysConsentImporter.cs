using CustomerCare.Customers;
using CustomerCare.Import;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Privacy.Consent.Iys;

/// <summary>
/// Imports consents from an İYS-style CSV (<see cref="IysFields"/>): each row becomes a
/// <see cref="ConsentPurpose.Marketing"/> grant (<c>ONAY</c>) or withdrawal (<c>RET</c>) of the customer whose e-mail
/// address or phone number is the recipient, recorded through <see cref="ConsentService"/>.
/// </summary>
/// <remarks>
/// <para><b>All or nothing per file.</b> Every row is checked first; a malformed row gives a <see cref="CsvError"/>
/// naming the line, the column, the field and the value, and any error refuses the whole file with a
/// <see cref="CsvImportException"/> before anything is written. The ledger then takes the file's records in one atomic
/// append.</para>
/// <para><b>Idempotent.</b> A row's record id is made from its recipient, type, status and date, so importing the same
/// file again appends nothing.</para>
/// <para>Recipients are matched against every stored customer (one pass over the store per import); a recipient that
/// matches no customer, or more than one, is an error of its row. Thread-safe.</para>
/// </remarks>
public sealed class IysConsentImporter
{
    /// <summary>The policy version recorded when the caller gives none.</summary>
    public const string DefaultPolicyVersion = "iys";

    private static readonly CsvColumn[] Columns = [.. IysFields.All.Select(name => new CsvColumn(name, Required: true))];

    private readonly ICustomerStore _customers;
    private readonly ConsentService _consents;
    private readonly IClock _clock;

    /// <summary>Creates the importer.</summary>
    /// <param name="customers">The customer store, to match recipients.</param>
    /// <param name="consents">Records the consents.</param>
    /// <param name="clock">The clock, to refuse consent dates in the future.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public IysConsentImporter(ICustomerStore customers, ConsentService consents, IClock clock)
    {
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Checks a file and, when every row is valid, records its consents.</summary>
    /// <param name="source">The CSV file or text.</param>
    /// <param name="policyVersion">The policy version to record, such as the version of the consent text İYS showed; <see cref="DefaultPolicyVersion"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written after cancellation.</param>
    /// <returns>How many rows were read and records appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="CsvImportException">A row is malformed or matches no customer; nothing was written.</exception>
    /// <exception cref="ConsentRecordConflictException">A row's record id is in the ledger with other content (a re-import with changed evidence); nothing was written.</exception>
    public async ValueTask<IysImportSummary> ImportAsync(CsvSource source, string? policyVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var policy = policyVersion ?? DefaultPolicyVersion;
        if (Identifiers.Check(policy, ConsentRecord.MaxPolicyVersionLength, "policy_version") is { } policyError)
        {
            throw new FieldValidationException(policyError);
        }

        var sink = new CsvErrorSink(CsvLimits.MaxErrors);
        var rows = new List<IysRow>();
        var now = _clock.GetCurrentInstant();
        await CsvFileReader.ReadAsync(source, Columns, CsvReaderLimits.Default, sink, row =>
        {
            if (IysRow.Read(row, now) is { } read)
            {
                rows.Add(read);
            }
        }, cancellationToken).ConfigureAwait(false);

        var records = sink.IsFull ? [] : await MatchAsync(rows, policy, sink, cancellationToken).ConfigureAwait(false);
        if (sink.HasErrors)
        {
            throw new CsvImportException(sink.Sorted([source.Name]), sink.IsFull);
        }

        if (records.Count == 0)
        {
            return new IysImportSummary(rows.Count, 0, 0);
        }

        var result = await _consents.RecordAllAsync(records, cancellationToken).ConfigureAwait(false);
        return new IysImportSummary(rows.Count, result.Appended, result.States.Count);
    }

    private async ValueTask<List<ConsentRecord>> MatchAsync(List<IysRow> rows, string policy, CsvErrorSink sink, CancellationToken cancellationToken)
    {
        var wanted = rows.Select(r => r.Recipient).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var owners = new Dictionary<string, List<CustomerId>>(StringComparer.OrdinalIgnoreCase);
        await foreach (var customer in _customers.StreamAsync(new Specification<Customer>(), cancellationToken).ConfigureAwait(false))
        {
            foreach (var address in new[] { customer.Email?.Value, customer.Phone?.Value })
            {
                if (address is not null && wanted.Contains(address))
                {
                    if (!owners.TryGetValue(address, out var ids))
                    {
                        owners.Add(address, ids = []);
                    }

                    ids.Add(customer.Id);
                }
            }
        }

        var records = new List<ConsentRecord>(rows.Count);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var ids = owners.GetValueOrDefault(row.Recipient);
            if (ids is not [var customerId])
            {
                sink.Add(row.Ref.Error(IysFields.Recipient, row.Recipient, FieldErrorCodes.Unknown, ids is null
                    ? "matches no customer's e-mail address or phone number"
                    : $"matches more than one customer ({string.Join(", ", ids.Select(i => i.Value).Order(StringComparer.Ordinal))})"));
                continue;
            }

            var id = $"iys:{row.Type}:{row.Recipient.ToLowerInvariant()}:{row.Status}:{IysCodes.FormatDate(row.At)}";
            if (!lines.TryAdd(id, row.Ref.Line))
            {
                sink.Add(row.Ref.Error(IysFields.Recipient, row.Recipient, CsvErrorCodes.Invalid, $"repeats the {row.Type} {row.Status} of line {lines[id]} at the same consentDate"));
                continue;
            }

            records.Add(new ConsentRecord(id, customerId, ConsentPurpose.Marketing, row.Channel, row.Action, row.Source, row.At, policy,
                $"iys source={row.IysSource}; recipientType={row.RecipientType}"));
        }

        return records;
    }
}
