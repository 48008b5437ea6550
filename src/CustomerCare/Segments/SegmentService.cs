using System.Runtime.CompilerServices;
using CustomerCare.Customers;
using CustomerCare.Diagnostics;
using CustomerCare.Segments.Evaluation;
using CustomerCare.Segments.Rules;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Segments;

/// <summary>
/// Evaluates segments over the customer store: every segment of the <see cref="SegmentCatalog"/> at once (recording
/// membership history and reporting who entered and left), an ad-hoc rule, or the segments of one customer.
/// </summary>
/// <remarks>
/// Each evaluation loads the customers into one <see cref="CustomerTable"/> as of the clock's instant, with service
/// history from <see cref="IServiceHistoryProvider"/>; RFM scores are quintiles over that whole population.
/// Thread-safe.
/// </remarks>
public sealed class SegmentService
{
    private readonly ICustomerStore _customers;
    private readonly IServiceHistoryProvider _history;
    private readonly ISegmentMembershipStore _membership;
    private readonly SegmentCatalog _catalog;
    private readonly IClock _clock;
    private readonly SegmentOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="customers">The customer store.</param>
    /// <param name="history">The service history source.</param>
    /// <param name="membership">The membership history store.</param>
    /// <param name="catalog">The segments in force.</param>
    /// <param name="clock">The clock that decides "now".</param>
    /// <param name="options">The library options.</param>
    public SegmentService(ICustomerStore customers, IServiceHistoryProvider history, ISegmentMembershipStore membership, SegmentCatalog catalog, IClock clock, IOptions<CustomerCareOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _membership = membership ?? throw new ArgumentNullException(nameof(membership));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options.Value.Segments;
    }

    /// <summary>The segments in force.</summary>
    public IReadOnlyList<Segment> Segments => _catalog.Segments;

    /// <summary>Loads every customer, with service history, into a table as of the clock's instant.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The table.</returns>
    public ValueTask<CustomerTable> LoadTableAsync(CancellationToken cancellationToken = default) =>
        LoadTableAtAsync(_clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Loads every customer, with service history, into a table as of an instant, such as a campaign run's.</summary>
    /// <param name="asOf">The instant relative attributes (days since the last order, lifecycle) are computed at.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The table.</returns>
    public async ValueTask<CustomerTable> LoadTableAtAsync(Instant asOf, CancellationToken cancellationToken = default)
    {
        var customers = new List<Customer>();
        await foreach (var customer in _customers.StreamAsync(new Specification<Customer>(), cancellationToken).ConfigureAwait(false))
        {
            customers.Add(customer);
        }

        var history = await _history.GetAsync([.. customers.Select(c => c.Id)], cancellationToken).ConfigureAwait(false);
        return CustomerTable.Create(customers, asOf, _options, history);
    }

    /// <summary>
    /// The members of one segment as of an instant, in the store's order. A rule that reads only the customer's own
    /// record is handed to the store as a <see cref="SegmentSpecification"/>, so a store that translates it reads only
    /// the members; a rule that reads RFM scores or service history needs the whole population, which is loaded as a
    /// table first.
    /// </summary>
    /// <param name="segment">The segment.</param>
    /// <param name="asOf">The instant relative attributes (days since the last order, lifecycle) are computed at.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The members.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segment"/> is <see langword="null"/>.</exception>
    public IAsyncEnumerable<Customer> MembersAtAsync(Segment segment, Instant asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.Rule.UsesPopulation
            ? FromTableAsync(segment, asOf, cancellationToken)
            : _customers.StreamAsync(new SegmentSpecification(segment.Rule, asOf, _options), cancellationToken);
    }

    private async IAsyncEnumerable<Customer> FromTableAsync(Segment segment, Instant asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await LoadTableAtAsync(asOf, cancellationToken).ConfigureAwait(false);
        foreach (var index in segment.Rule.Evaluate(table).Indexes())
        {
            yield return table.Customers[index];
        }
    }

    /// <summary>Evaluates every segment, records membership and returns the members and the changes.</summary>
    /// <param name="cancellationToken">Cancels the run; segments recorded before cancellation stay recorded.</param>
    /// <returns>The run.</returns>
    public async ValueTask<SegmentRun> EvaluateAllAsync(CancellationToken cancellationToken = default)
    {
        using var activity = CustomerCareTelemetry.ActivitySource.StartActivity("customercare.segments.evaluate");
        var table = await LoadTableAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<SegmentResult>(_catalog.Segments.Count);
        foreach (var segment in _catalog.Segments)
        {
            var members = segment.Rule.Evaluate(table);
            var changes = await _membership.RecordAsync(segment.Name, table.AsOf, [.. members.CustomerIds()], cancellationToken).ConfigureAwait(false);
            results.Add(new SegmentResult(segment, members, changes));
        }

        activity?.SetTag("customercare.customers", table.Count);
        activity?.SetTag("customercare.segments", results.Count);
        return new SegmentRun(table.AsOf, table, results);
    }

    /// <summary>Evaluates an ad-hoc rule over every customer, without recording anything.</summary>
    /// <param name="rule">The rule text.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The members.</returns>
    /// <exception cref="SegmentRuleException">The rule is invalid.</exception>
    public async ValueTask<SegmentMembership> EvaluateRuleAsync(string rule, CancellationToken cancellationToken = default)
    {
        var compiled = SegmentRule.Parse(rule);
        return compiled.Evaluate(await LoadTableAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The names of the segments one customer belongs to now.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The segment names, in catalog order; empty for an unknown customer.</returns>
    /// <remarks>RFM scores are population quintiles, so this loads the whole table.</remarks>
    public async ValueTask<IReadOnlyList<string>> SegmentsOfAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var table = await LoadTableAsync(cancellationToken).ConfigureAwait(false);
        var index = table.IndexOf(customerId);
        return index < 0 ? [] : [.. _catalog.Segments.Where(s => s.Rule.Matches(table, index)).Select(s => s.Name)];
    }
}
