using System.Text;
using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Storage;

namespace CustomerCare.Privacy.Consent.Iys;

/// <summary>
/// Exports the current marketing consents in the İYS-style CSV (<see cref="IysFields"/>) that
/// <see cref="IysConsentImporter"/> reads: one row per customer × İYS type that has a marketing record, with the status,
/// source and date of the latest record.
/// </summary>
/// <remarks>
/// <para>E-mail rows (<c>EPOSTA</c>) need the customer's e-mail address; SMS and call rows (<c>MESAJ</c>,
/// <c>ARAMA</c>) a Turkish phone number (<c>+90…</c>), since İYS covers Turkish numbers only; push consents have no
/// İYS type. What cannot be written is skipped and counted.</para>
/// <para>Dates are written to the second in Europe/Istanbul time, as İYS has them. The recipient type is
/// <c>TACIR</c> when the latest record came from an İYS import that said so, otherwise <c>BIREYSEL</c>. Thread-safe.</para>
/// </remarks>
public sealed class IysConsentExporter
{
    private readonly ICustomerStore _customers;
    private readonly IConsentLedger _ledger;

    /// <summary>Creates the exporter.</summary>
    /// <param name="customers">The customer store, for recipients.</param>
    /// <param name="ledger">The consent ledger, for the consents.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public IysConsentExporter(ICustomerStore customers, IConsentLedger ledger)
    {
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
    }

    /// <summary>Writes the header and one row per customer × type, customers in identifier order.</summary>
    /// <param name="writer">Where the CSV goes; lines end with <c>\n</c>.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>How many rows were written and how many consents had no İYS recipient (no address, a foreign number, or push).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public async ValueTask<(int Rows, int Skipped)> ExportAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync(string.Join(',', IysFields.All) + "\n").ConfigureAwait(false);
        int rows = 0, skipped = 0;
        await foreach (var customer in _customers.StreamAsync(new Specification<Customer>(), cancellationToken).ConfigureAwait(false))
        {
            var history = await _ledger.HistoryAsync(customer.Id, cancellationToken).ConfigureAwait(false);
            // The history is by time then sequence, so the last marketing record of a channel is its current state.
            foreach (var latest in history.Where(r => r.Purpose == ConsentPurpose.Marketing).GroupBy(r => r.Channel).Select(g => g.Last()).OrderBy(r => r.Channel))
            {
                var type = IysCodes.TypeOf(latest.Channel);
                var recipient = latest.Channel == ConsentChannel.Email ? customer.Email?.Value : customer.Phone?.Value;
                if (type is null || recipient is null || (latest.Channel != ConsentChannel.Email && !IysCodes.IsTurkishPhone(recipient)))
                {
                    skipped++;
                    continue;
                }

                var line = new StringBuilder()
                    .Append(Quote(recipient)).Append(',')
                    .Append(type).Append(',')
                    .Append(IysCodes.StatusOf(latest.Action)).Append(',')
                    .Append(IysCodes.IysSourceOf(latest.Source)).Append(',')
                    .Append(IysCodes.FormatDate(latest.RecordedAt)).Append(',')
                    .Append(latest.Evidence?.Contains("recipientType=" + IysCodes.Merchant, StringComparison.Ordinal) == true ? IysCodes.Merchant : IysCodes.Individual)
                    .Append('\n');
                await writer.WriteAsync(line.ToString().AsMemory(), cancellationToken).ConfigureAwait(false);
                rows++;
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return (rows, skipped);
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
