using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Text;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Sample.Reporting;

/// <summary>
/// Builds a <see cref="StoreReport"/> from whatever the store holds, through <see cref="ICustomerStore"/> and
/// specifications only, so it works the same on every storage plugin.
/// </summary>
/// <remarks>
/// Net spend comes from the customers' statistics, which the library keeps from events; gross, cancelled and
/// refunded amounts come from the orders. The two sides must agree (gross − cancelled − refunded = net), which the
/// sample's tests check. Thread-safe.
/// </remarks>
public sealed class StoreReportBuilder
{
    /// <summary>How many cities and categories the report lists.</summary>
    public const int TopCount = 5;

    private readonly ICustomerStore _store;
    private readonly IClock _clock;
    private readonly Currency _currency;
    private readonly ICampaignLedger _ledger;
    private readonly Insights.CareKpiService _care;
    private readonly Feedback.Reviews.ReviewHealthMonitor? _reviews;

    /// <summary>Creates a builder.</summary>
    /// <param name="store">The customer store.</param>
    /// <param name="clock">The clock; the report is made as of its current instant.</param>
    /// <param name="options">The library options, for the store currency.</param>
    /// <param name="ledger">The campaign ledger, for the coupons each campaign issued.</param>
    /// <param name="care">The library's care KPIs.</param>
    /// <param name="reviews">Product review health, when registered.</param>
    public StoreReportBuilder(ICustomerStore store, IClock clock, IOptions<CustomerCareOptions> options, ICampaignLedger ledger, Insights.CareKpiService care, Feedback.Reviews.ReviewHealthMonitor? reviews = null)
    {
        _care = care ?? throw new ArgumentNullException(nameof(care));
        _reviews = reviews;
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _currency = Currency.FromCode(options.Value.Currency);
    }

    /// <summary>Builds the report.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The report.</returns>
    public async Task<StoreReport> BuildAsync(CancellationToken cancellationToken = default)
    {
        var asOf = _clock.GetCurrentInstant();
        var orders = await _store.ListOrdersAsync(ReportSpecifications.AllOrders, cancellationToken).ConfigureAwait(false);
        // Every customer is read once and the report's specifications are evaluated over them in memory: most of them
        // are not index-answered, and asking the store for each read every customer's document ten times over.
        var all = await _store.ListAsync(ReportSpecifications.AllCustomers, cancellationToken).ConfigureAwait(false);
        var buyers = Matching(all, ReportSpecifications.CustomersWithOrders);
        var withCity = Matching(all, ReportSpecifications.CustomersWithCity);
        var top = Matching(all, ReportSpecifications.TopSpenders);
        var customers = new CustomerCounts(all.Count, buyers.Count, Count(all, ReportSpecifications.CustomersAbroad), Count(all, ReportSpecifications.VipCustomers))
        {
            MarketingByEmail = Count(all, ReportSpecifications.Consenting(Privacy.Consent.ConsentPurpose.Marketing, Privacy.Consent.ConsentChannel.Email)),
            MarketingBySms = Count(all, ReportSpecifications.Consenting(Privacy.Consent.ConsentPurpose.Marketing, Privacy.Consent.ConsentChannel.Sms)),
            SurveysByEmail = Count(all, ReportSpecifications.Consenting(Privacy.Consent.ConsentPurpose.Surveys, Privacy.Consent.ConsentChannel.Email)),
        };
        var never = Count(all, ReportSpecifications.CustomersWithoutOrders);

        var campaigns = new List<CampaignIssued>(SampleCampaigns.Ids.Count);
        foreach (var campaign in SampleCampaigns.Ids)
        {
            campaigns.Add(new CampaignIssued(campaign, (await _ledger.GrantsAsync(campaign, cancellationToken).ConfigureAwait(false)).Count));
        }

        var orderCounts = CountOrders(orders);
        var revenue = Revenue(orders, buyers);
        return new StoreReport(
            asOf,
            _currency.Code,
            customers,
            orderCounts,
            revenue,
            Returns(orders, buyers, orderCounts),
            TopCities(withCity),
            TopCategories(orders),
            Lifecycle(buyers, never, asOf),
            [.. top.Select(c => new TopCustomer(c.Id.Value, c.Name.FullName, c.City, c.Stats.OrderCount, Round(c.Stats.TotalSpend.Amount), c.Stats.LastOrderAt))],
            campaigns,
            await CareAsync(asOf, cancellationToken).ConfigureAwait(false));
    }

    private static List<Customer> Matching(IReadOnlyList<Customer> customers, Specification<Customer> specification) =>
        [.. InMemorySpecificationEvaluator.Evaluate(customers, specification)];

    private static int Count(IReadOnlyList<Customer> customers, Specification<Customer> specification) =>
        customers.Count(specification.IsSatisfiedBy);

    private async Task<CareSummary> CareAsync(Instant asOf, CancellationToken cancellationToken)
    {
        // Everything the store holds: the report is a picture of the whole run, not of one month.
        var kpis = await _care.ComputeAsync(new Interval(asOf - Duration.FromDays(3650), asOf + Duration.Epsilon), cancellationToken).ConfigureAwait(false);
        var flagged = _reviews is null ? [] : await _reviews.FlaggedProductsAsync(asOf, cancellationToken).ConfigureAwait(false);
        return CareSummary.From(kpis, flagged);
    }

    private static OrderCounts CountOrders(IReadOnlyList<Order> orders)
    {
        int Count(OrderStatus status) => orders.Count(o => o.Status == status);
        return new OrderCounts(
            orders.Count,
            Count(OrderStatus.Placed),
            Count(OrderStatus.Shipped),
            Count(OrderStatus.Delivered),
            Count(OrderStatus.Cancelled),
            Count(OrderStatus.PartiallyReturned),
            Count(OrderStatus.Returned));
    }

    private RevenueFigures Revenue(IReadOnlyList<Order> orders, IReadOnlyList<Customer> buyers)
    {
        var net = Sum(buyers.Select(c => c.Stats.TotalSpend));
        var standing = buyers.Sum(c => c.Stats.OrderCount);
        return new RevenueFigures(
            Round(Sum(orders.Select(o => o.Total))),
            Round(Sum(orders.Where(o => o.Status == OrderStatus.Cancelled).Select(o => o.Total))),
            Round(Sum(orders.Select(o => o.RefundedTotal))),
            Round(net),
            standing,
            standing == 0 ? 0m : Round(net / standing));
    }

    private ReturnFigures Returns(IReadOnlyList<Order> orders, IReadOnlyList<Customer> buyers, OrderCounts counts)
    {
        var withReturns = counts.PartiallyReturned + counts.Returned;
        var delivered = counts.Delivered + withReturns;
        return new ReturnFigures(
            buyers.Sum(c => c.Stats.ReturnsCount),
            withReturns,
            Round(Sum(orders.Select(o => o.RefundedTotal))),
            Rate(withReturns, delivered),
            counts.Cancelled,
            Round(Sum(orders.Where(o => o.Status == OrderStatus.Cancelled).Select(o => o.Total))),
            Rate(counts.Cancelled, counts.Total));
    }

    private static List<CityCount> TopCities(IReadOnlyList<Customer> customers) =>
        customers
            .GroupBy(c => c.City!, TurkishInvariantComparer.Instance)
            .Select(g => new CityCount(MostCommonSpelling(g.Select(c => c.City!)), g.Count()))
            .OrderByDescending(c => c.Customers)
            .ThenBy(c => c.City, TurkishInvariantComparer.Instance)
            .ThenBy(c => c.City, StringComparer.Ordinal)
            .Take(TopCount)
            .ToList();

    private List<CategorySales> TopCategories(IReadOnlyList<Order> orders) =>
        orders
            .Where(o => o.Status != OrderStatus.Cancelled && !o.Lines.IsDefault)
            .SelectMany(o => o.Lines.Where(l => l.Category is not null).Select(l => (Order: o.Id, Line: l)))
            .GroupBy(x => x.Line.Category!, TurkishInvariantComparer.Instance)
            .Select(g => new CategorySales(
                MostCommonSpelling(g.Select(x => x.Line.Category!)),
                g.Sum(x => x.Line.Quantity),
                g.Select(x => x.Order).Distinct().Count(),
                Round(Sum(g.Select(x => x.Line.LineTotal)))))
            .OrderByDescending(c => c.Revenue)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .Take(TopCount)
            .ToList();

    private static LifecycleBuckets Lifecycle(IReadOnlyList<Customer> buyers, long never, Instant asOf)
    {
        long recent = 0, lapsing = 0, lapsed = 0, lost = 0;
        foreach (var customer in buyers)
        {
            // "Today" is the customer's own date, so a customer in Tokyo can be a day ahead of one in New York.
            var today = asOf.InZone(customer.TimeZone).Date;
            var lastOrder = customer.Stats.LastOrderAt!.Value.InZone(customer.TimeZone).Date;
            var days = Period.DaysBetween(lastOrder, today);
            if (days <= 30)
            {
                recent++;
            }
            else if (days <= 90)
            {
                lapsing++;
            }
            else if (days <= 180)
            {
                lapsed++;
            }
            else
            {
                lost++;
            }
        }

        return new LifecycleBuckets(recent, lapsing, lapsed, lost, never);
    }

    private static string MostCommonSpelling(IEnumerable<string> spellings) =>
        spellings
            .GroupBy(s => s, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;

    private decimal Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero(_currency), (sum, amount) => sum + amount).Amount;

    private decimal Round(decimal amount) => Math.Round(amount, _currency.MinorUnits, MidpointRounding.AwayFromZero);

    private static decimal Rate(int part, int whole) => whole == 0 ? 0m : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
