using System.Text.Json;
using CustomerCare.Customers;
using CustomerCare.Privacy.Audit;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Privacy.Export;

/// <summary>Collects what every store holds about one customer into one <see cref="CustomerDataExport"/>.</summary>
/// <remarks>
/// The stores are every <see cref="IPersonalDataHolder"/> given (through DI: the registered store of every contract
/// that holds customer data, plus other registered holders). Reads only; thread-safe.
/// </remarks>
public sealed class CustomerDataExporter
{
    private readonly IReadOnlyList<IPersonalDataHolder> _holders;
    private readonly ICustomerStore _customers;
    private readonly IClock _clock;
    private readonly AuditTrail? _audit;

    /// <summary>Creates the exporter.</summary>
    /// <param name="holders">The stores that take part.</param>
    /// <param name="customers">The customer store, which says whether the customer exists.</param>
    /// <param name="clock">The clock that stamps the export.</param>
    /// <param name="audit">Where each export is recorded (which customer, which sections); optional.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    public CustomerDataExporter(IEnumerable<IPersonalDataHolder> holders, ICustomerStore customers, IClock clock, AuditTrail? audit = null)
    {
        ArgumentNullException.ThrowIfNull(holders);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(clock);
        _holders = [.. holders.Distinct(ReferenceEqualityComparer.Instance).Cast<IPersonalDataHolder>()];
        _customers = customers;
        _clock = clock;
        _audit = audit;
    }

    /// <summary>Exports everything held about a customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The export.</returns>
    /// <exception cref="UnknownCustomerException">The customer store does not hold <paramref name="customerId"/>.</exception>
    /// <exception cref="InvalidOperationException">Two stores returned a section of the same name.</exception>
    public async ValueTask<CustomerDataExport> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        _ = await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false) ?? throw new UnknownCustomerException(customerId);
        var sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var owners = new Dictionary<string, IPersonalDataHolder>(StringComparer.Ordinal);
        foreach (var holder in _holders)
        {
            foreach (var section in await holder.ExportAsync(customerId, cancellationToken).ConfigureAwait(false))
            {
                if (!owners.TryAdd(section.Name, holder))
                {
                    throw new InvalidOperationException($"Section '{section.Name}' comes from both {owners[section.Name].GetType().FullName} and {holder.GetType().FullName}; section names must be unique.");
                }

                sections.Add(section.Name, section.Content);
            }
        }

        if (_audit is not null)
        {
            await _audit.RecordAsync("system", AuditActionKind.Export, customerId.Value, "sections=" + string.Join(",", sections.Keys.Order(StringComparer.Ordinal)), cancellationToken).ConfigureAwait(false);
        }

        return new CustomerDataExport(customerId, _clock.GetCurrentInstant(), sections);
    }
}
