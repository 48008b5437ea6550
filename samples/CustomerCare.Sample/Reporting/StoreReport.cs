using NodaTime;

namespace CustomerCare.Sample.Reporting;

/// <summary>
/// What the store holds, summed up for people (tables or plain text) and machines (JSON). Amounts are in
/// <see cref="Currency"/>, rounded to its minor units.
/// </summary>
/// <param name="AsOf">The clock's instant when the report was made; "days since last order" counts to it.</param>
/// <param name="Currency">The ISO 4217 code of every amount.</param>
/// <param name="Customers">Customer counts.</param>
/// <param name="Orders">Orders by status.</param>
/// <param name="Revenue">Gross, cancelled, refunded and net amounts.</param>
/// <param name="ReturnsAndCancellations">Returns and cancellations.</param>
/// <param name="TopCities">The cities with most customers, spellings folded together.</param>
/// <param name="TopCategories">The categories with the highest sales.</param>
/// <param name="Lifecycle">Customers by days since their last order.</param>
/// <param name="TopCustomers">The best customers by net spend.</param>
/// <param name="Campaigns">Each campaign with the coupons it has issued.</param>
/// <param name="Care">Complaints, response times, satisfaction and service recovery.</param>
public sealed record StoreReport(
    Instant AsOf,
    string Currency,
    CustomerCounts Customers,
    OrderCounts Orders,
    RevenueFigures Revenue,
    ReturnFigures ReturnsAndCancellations,
    IReadOnlyList<CityCount> TopCities,
    IReadOnlyList<CategorySales> TopCategories,
    LifecycleBuckets Lifecycle,
    IReadOnlyList<TopCustomer> TopCustomers,
    IReadOnlyList<CampaignIssued> Campaigns,
    CareSummary Care);

/// <summary>A campaign and the coupons it has issued, from the campaign ledger.</summary>
/// <param name="Campaign">The campaign identifier, such as <c>birthday</c>.</param>
/// <param name="Issued">Grants recorded for it, each with one coupon.</param>
public sealed record CampaignIssued(string Campaign, int Issued);

/// <summary>Customer counts.</summary>
/// <param name="Total">All customers.</param>
/// <param name="WithOrders">Customers who placed at least one order, cancelled ones included.</param>
/// <param name="Abroad">Customers whose time zone is not Europe/Istanbul.</param>
/// <param name="Vip">Customers tagged <c>vip</c> (any case).</param>
public sealed record CustomerCounts(long Total, long WithOrders, long Abroad, long Vip)
{
    /// <summary>Customers whose consent snapshot (from the consent ledger) holds marketing by e-mail.</summary>
    public long MarketingByEmail { get; init; }

    /// <summary>Customers whose consent snapshot holds marketing by SMS.</summary>
    public long MarketingBySms { get; init; }

    /// <summary>Customers whose consent snapshot holds surveys by e-mail.</summary>
    public long SurveysByEmail { get; init; }
}

/// <summary>Orders by status.</summary>
/// <param name="Total">All orders ever placed.</param>
/// <param name="Placed">Placed, not yet shipped.</param>
/// <param name="Shipped">On the road.</param>
/// <param name="Delivered">Delivered and kept.</param>
/// <param name="Cancelled">Cancelled before delivery.</param>
/// <param name="PartiallyReturned">Delivered, some items refunded.</param>
/// <param name="Returned">Delivered, refunded in full.</param>
public sealed record OrderCounts(int Total, int Placed, int Shipped, int Delivered, int Cancelled, int PartiallyReturned, int Returned);

/// <summary>Revenue.</summary>
/// <param name="Gross">The totals of all orders placed.</param>
/// <param name="Cancelled">The totals of cancelled orders.</param>
/// <param name="Refunded">Refunds for returned items.</param>
/// <param name="NetSpend">What customers spent net: gross less cancelled less refunded (the sum of the customers' statistics).</param>
/// <param name="StandingOrders">Orders that were not cancelled.</param>
/// <param name="AverageOrderValue">Net spend per standing order.</param>
public sealed record RevenueFigures(decimal Gross, decimal Cancelled, decimal Refunded, decimal NetSpend, int StandingOrders, decimal AverageOrderValue);

/// <summary>Returns and cancellations.</summary>
/// <param name="ReturnEvents">Returns recorded (an order returned in two parts counts twice).</param>
/// <param name="OrdersWithReturns">Orders with at least one refund.</param>
/// <param name="Refunded">The refunds.</param>
/// <param name="ReturnRate">Orders with returns per order delivered, 0 to 1.</param>
/// <param name="CancelledOrders">Orders cancelled.</param>
/// <param name="CancelledValue">Their totals.</param>
/// <param name="CancellationRate">Cancelled orders per order placed, 0 to 1.</param>
public sealed record ReturnFigures(int ReturnEvents, int OrdersWithReturns, decimal Refunded, decimal ReturnRate, int CancelledOrders, decimal CancelledValue, decimal CancellationRate);

/// <summary>A city and its customers.</summary>
/// <param name="City">The most common spelling.</param>
/// <param name="Customers">Customers there.</param>
public sealed record CityCount(string City, int Customers);

/// <summary>A category's sales on orders that were not cancelled.</summary>
/// <param name="Category">The category.</param>
/// <param name="Units">Units sold.</param>
/// <param name="Orders">Orders with a line in it.</param>
/// <param name="Revenue">Line totals.</param>
public sealed record CategorySales(string Category, int Units, int Orders, decimal Revenue);

/// <summary>Customers by days since their last order, counted in each customer's own time zone.</summary>
/// <param name="Days0To30">Ordered in the last 30 days.</param>
/// <param name="Days31To90">31 to 90 days ago.</param>
/// <param name="Days91To180">91 to 180 days ago.</param>
/// <param name="DaysOver180">More than 180 days ago.</param>
/// <param name="Never">Never ordered.</param>
public sealed record LifecycleBuckets(long Days0To30, long Days31To90, long Days91To180, long DaysOver180, long Never);

/// <summary>One of the best customers.</summary>
/// <param name="CustomerId">The customer identifier.</param>
/// <param name="Name">The full name.</param>
/// <param name="City">The city, when known.</param>
/// <param name="Orders">Standing orders.</param>
/// <param name="NetSpend">Net spend.</param>
/// <param name="LastOrderAt">When they last ordered.</param>
public sealed record TopCustomer(string CustomerId, string Name, string? City, int Orders, decimal NetSpend, Instant? LastOrderAt);
