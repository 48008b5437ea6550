using System.Collections.Concurrent;
using CustomerCare.Customers;
using CustomerCare.Segments.Lifecycle;
using CustomerCare.Segments.Rfm;
using CustomerCare.Segments.Rules;
using NodaTime;

namespace CustomerCare.Segments.Evaluation;

/// <summary>
/// A snapshot of customers as of an instant, laid out by column for fast rule evaluation: each attribute a rule reads
/// becomes one array, built the first time a rule asks for it. Dates are in each customer's own zone.
/// </summary>
/// <remarks>
/// Immutable once created and safe to share across threads; columns are built once each, on first use. RFM scores are
/// computed over the whole table (the population), so they depend on who is in it.
/// </remarks>
public sealed class CustomerTable
{
    private readonly Customer[] _customers;
    private readonly IReadOnlyDictionary<CustomerId, ServiceHistory> _history;
    private readonly ConcurrentDictionary<string, Lazy<Column>> _columns = new(StringComparer.Ordinal);
    private readonly Lazy<int[]> _today;
    private readonly Lazy<RfmScores> _rfm;

    private CustomerTable(Customer[] customers, Instant asOf, SegmentOptions options, IReadOnlyDictionary<CustomerId, ServiceHistory> history)
    {
        _customers = customers;
        _history = history;
        AsOf = asOf;
        Options = options;
        _today = new Lazy<int[]>(BuildToday);
        _rfm = new Lazy<RfmScores>(BuildRfm);
    }

    /// <summary>How many customers the table holds.</summary>
    public int Count => _customers.Length;

    /// <summary>The instant the table describes; "today" is this instant in each customer's zone.</summary>
    public Instant AsOf { get; }

    /// <summary>The thresholds and methods used for derived attributes.</summary>
    public SegmentOptions Options { get; }

    /// <summary>The customers, in table order.</summary>
    public IReadOnlyList<Customer> Customers => _customers;

    /// <summary>The RFM cut points over this table's population.</summary>
    public RfmCutPoints RfmCutPoints => _rfm.Value.CutPoints;

    /// <summary>Creates a table.</summary>
    /// <param name="customers">The customers.</param>
    /// <param name="asOf">The instant the table describes.</param>
    /// <param name="options">Thresholds and methods; defaults when <see langword="null"/>.</param>
    /// <param name="serviceHistory">Service history by customer; none when <see langword="null"/>.</param>
    /// <returns>The table.</returns>
    public static CustomerTable Create(IEnumerable<Customer> customers, Instant asOf, SegmentOptions? options = null, IReadOnlyDictionary<CustomerId, ServiceHistory>? serviceHistory = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= new SegmentOptions();
        options.Validate();
        return new CustomerTable([.. customers], asOf, options, serviceHistory ?? new Dictionary<CustomerId, ServiceHistory>());
    }

    /// <summary>The RFM scores of one customer (0 and <see cref="RfmSegment.None"/> without orders).</summary>
    /// <param name="index">The row.</param>
    /// <returns>R, F, M and the named group.</returns>
    public (int Recency, int Frequency, int Monetary, RfmSegment Segment) RfmOf(int index)
    {
        var scores = _rfm.Value;
        return (scores.Recency[index], scores.Frequency[index], scores.Monetary[index], (RfmSegment)scores.Segment[index]);
    }

    /// <summary>The lifecycle stage of one customer.</summary>
    /// <param name="index">The row.</param>
    /// <returns>The stage.</returns>
    public LifecycleStage LifecycleOf(int index)
    {
        var customer = _customers[index];
        var stats = customer.Stats;
        return LifecycleRules.Decide(stats.OrderCount, DaysSince(index, stats.FirstOrderAt), DaysSince(index, stats.LastOrderAt), DaysSince(index, customer.SignedUpAt)!.Value, Options);
    }

    /// <summary>The row of a customer.</summary>
    /// <param name="id">The customer.</param>
    /// <returns>The row, or -1 when the customer is not in the table.</returns>
    public int IndexOf(CustomerId id) => Array.FindIndex(_customers, c => c.Id == id);

    /// <summary>Today's date for one customer, in their own zone.</summary>
    /// <param name="index">The row.</param>
    /// <returns>The date.</returns>
    public LocalDate TodayOf(int index) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(_today.Value[index]));

    internal int[] Today => _today.Value;

    internal ServiceHistory HistoryOf(int index) => _history.GetValueOrDefault(_customers[index].Id, ServiceHistory.None);

    internal RfmScores Rfm => _rfm.Value;

    internal Column GetColumn(SegmentField attribute) =>
        _columns.GetOrAdd(attribute.Name, _ => new Lazy<Column>(() => attribute.Build(this))).Value;

    /// <summary>The day number of an instant in a customer's zone, or <see cref="IntColumn.Null"/>.</summary>
    internal int DayOf(int index, Instant? instant) =>
        instant is { } value ? value.InZone(_customers[index].TimeZone).Date.ToDateOnly().DayNumber : IntColumn.Null;

    internal int? DaysSince(int index, Instant? instant) =>
        instant is null ? null : _today.Value[index] - DayOf(index, instant);

    private int[] BuildToday()
    {
        var today = new int[_customers.Length];
        var byZone = new Dictionary<DateTimeZone, int>();
        for (var i = 0; i < today.Length; i++)
        {
            var zone = _customers[i].TimeZone;
            if (!byZone.TryGetValue(zone, out var day))
            {
                day = AsOf.InZone(zone).Date.ToDateOnly().DayNumber;
                byZone.Add(zone, day);
            }

            today[i] = day;
        }

        return today;
    }

    private RfmScores BuildRfm()
    {
        var n = _customers.Length;
        var recency = new int[n];
        var orders = new int[n];
        var spend = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            var stats = _customers[i].Stats;
            orders[i] = stats.OrderCount;
            spend[i] = stats.TotalSpend.Amount;
            recency[i] = DaysSince(i, stats.LastOrderAt) ?? 0;
        }

        return RfmScorer.Score(recency, orders, spend, Options.QuantileMethod);
    }
}
