using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;

namespace CustomerCare.Sample.Reporting;

/// <summary>The queries the report sends to the store, as specifications any store can evaluate or translate.</summary>
public static class ReportSpecifications
{
    /// <summary>The number of best customers listed.</summary>
    public const int TopCustomerCount = 5;

    /// <summary>Every customer.</summary>
    public static Specification<Customer> AllCustomers { get; } = new();

    /// <summary>Customers who placed at least one order.</summary>
    public static Specification<Customer> CustomersWithOrders { get; } = new(q => q.Where(c => c.Stats.LastOrderAt != null));

    /// <summary>Customers who never placed an order.</summary>
    public static Specification<Customer> CustomersWithoutOrders { get; } = new(q => q.Where(c => c.Stats.LastOrderAt == null));

    /// <summary>Customers whose zone is not Istanbul's.</summary>
    public static Specification<Customer> CustomersAbroad { get; } = new(q => q.Where(c => c.TimeZone.Id != "Europe/Istanbul"));

    /// <summary>Customers tagged <c>vip</c>; the tag set compares with <c>TurkishInvariantComparer</c>.</summary>
    public static Specification<Customer> VipCustomers { get; } = new(q => q.Where(c => c.Tags.Contains("vip")));

    /// <summary>Customers whose consent snapshot holds a purpose on a channel.</summary>
    public static Specification<Customer> Consenting(Privacy.Consent.ConsentPurpose purpose, Privacy.Consent.ConsentChannel channel) =>
        new(q => q.Where(c => c.Consents.Allows(purpose, channel)));

    /// <summary>Customers who gave a city.</summary>
    public static Specification<Customer> CustomersWithCity { get; } = new(q => q.Where(c => c.City != null));

    /// <summary>The best customers by net spend; ties go to the lower identifier.</summary>
    public static Specification<Customer> TopSpenders { get; } = new(q => q
        .Where(c => c.Stats.OrderCount > 0)
        .OrderByDescending(c => c.Stats.TotalSpend.Amount)
        .Take(TopCustomerCount));

    /// <summary>Every order.</summary>
    public static Specification<Order> AllOrders { get; } = new();
}
