using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using Xunit;

namespace CustomerCare.Testing;

/// <content>Queries: the same results as <see cref="InMemorySpecificationEvaluator"/>, whatever the thread culture, and cancellation of reads.</content>
public abstract partial class CustomerStoreConformanceTests
{
    /// <summary>The names of the customer specifications the query tests run.</summary>
    public static TheoryData<string> CustomerQueries { get; } = [.. QueryData.CustomerQueries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The names of the order specifications the query tests run.</summary>
    public static TheoryData<string> OrderQueries { get; } = [.. QueryData.OrderQueries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The reads <see cref="Read_CancelledToken_ThrowsOperationCanceled"/> cancels.</summary>
    public static TheoryData<string> Reads { get; } = ["FindAsync", "ListAsync", "StreamAsync", "CountAsync", "FindOrderAsync", "ListOrdersAsync"];

    /// <summary>
    /// <see cref="Storage.ICustomerStore.ListAsync"/> returns what the reference evaluator returns over the same data: criteria,
    /// multi-key ordinal ordering, ties by ascending ordinal identifier, skip and take; under the tr-TR thread culture.
    /// </summary>
    /// <param name="query">The specification, by name.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(CustomerQueries))]
    public async Task ListAsync_Specification_ReturnsWhatTheReferenceEvaluatorReturns(string query)
    {
        await using var store = await CreateStoreAsync();
        var (customers, _) = await QueryData.SeedAsync(store);
        var specification = QueryData.CustomerQueries[query];

        IReadOnlyList<Customer> listed;
        using (CultureScope.Turkish())
        {
            listed = await store.Customers.ListAsync(specification);
        }

        Assert.Equal(Describe(InMemorySpecificationEvaluator.Evaluate(customers, specification)), Describe(listed));
    }

    /// <summary><see cref="Storage.ICustomerStore.StreamAsync"/> yields what the reference evaluator returns, in the same order as a list.</summary>
    /// <param name="query">The specification, by name.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(CustomerQueries))]
    public async Task StreamAsync_Specification_YieldsWhatTheReferenceEvaluatorReturns(string query)
    {
        await using var store = await CreateStoreAsync();
        var (customers, _) = await QueryData.SeedAsync(store);
        var specification = QueryData.CustomerQueries[query];

        var streamed = new List<Customer>();
        using (CultureScope.Turkish())
        {
            await foreach (var customer in store.Customers.StreamAsync(specification))
            {
                streamed.Add(customer);
            }
        }

        Assert.Equal(Describe(InMemorySpecificationEvaluator.Evaluate(customers, specification)), Describe(streamed));
    }

    /// <summary><see cref="Storage.ICustomerStore.CountAsync"/> counts the items whose criteria hold, ignoring ordering and paging.</summary>
    /// <param name="query">The specification, by name.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(CustomerQueries))]
    public async Task CountAsync_Specification_CountsWhatTheReferenceEvaluatorCounts(string query)
    {
        await using var store = await CreateStoreAsync();
        var (customers, _) = await QueryData.SeedAsync(store);
        var specification = QueryData.CustomerQueries[query];

        long counted;
        using (CultureScope.Turkish())
        {
            counted = await store.Customers.CountAsync(specification);
        }

        Assert.Equal(InMemorySpecificationEvaluator.Count(customers, specification), counted);
    }

    /// <summary><see cref="Storage.ICustomerStore.ListOrdersAsync"/> returns what the reference evaluator returns over the same orders.</summary>
    /// <param name="query">The specification, by name.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(OrderQueries))]
    public async Task ListOrdersAsync_Specification_ReturnsWhatTheReferenceEvaluatorReturns(string query)
    {
        await using var store = await CreateStoreAsync();
        var (_, orders) = await QueryData.SeedAsync(store);
        var specification = QueryData.OrderQueries[query];

        IReadOnlyList<Order> listed;
        using (CultureScope.Turkish())
        {
            listed = await store.Customers.ListOrdersAsync(specification);
        }

        Assert.Equal(Describe(InMemorySpecificationEvaluator.Evaluate(orders, specification)), Describe(listed));
    }

    /// <summary>Every read with an already cancelled token throws <see cref="OperationCanceledException"/>.</summary>
    /// <param name="read">The read, by method name.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_CancelledToken_ThrowsOperationCanceled(string read)
    {
        await using var store = await CreateStoreAsync();
        await QueryData.SeedAsync(store);
        var cancelled = CancelledToken();
        Func<Task> call = read switch
        {
            "FindAsync" => async () => await store.Customers.FindAsync(CustomerId.From("c-1"), cancelled),
            "ListAsync" => async () => await store.Customers.ListAsync(new Specification<Customer>(), cancelled),
            "StreamAsync" => () => DrainAsync(store, cancelled),
            "CountAsync" => async () => await store.Customers.CountAsync(new Specification<Customer>(), cancelled),
            "FindOrderAsync" => async () => await store.Customers.FindOrderAsync(OrderId.From("o-1"), cancelled),
            "ListOrdersAsync" => async () => await store.Customers.ListOrdersAsync(new Specification<Order>(), cancelled),
            _ => throw new ArgumentOutOfRangeException(nameof(read), read, "Unknown read."),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(call);
    }

    private static async Task DrainAsync(CustomerStoreUnderTest store, CancellationToken cancellationToken)
    {
        await foreach (var customer in store.Customers.StreamAsync(new Specification<Customer>(), cancellationToken))
        {
            Assert.Fail($"StreamAsync yielded customer '{customer.Id}' after cancellation.");
        }
    }

    private static string[] Describe(IEnumerable<Customer> customers) =>
        customers.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Id} v{c.Version} ({c.City ?? "no city"})")).ToArray();

    private static string[] Describe(IEnumerable<Order> orders) =>
        orders.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Id} v{o.Version} ({o.Status}, {o.Total.Amount})")).ToArray();
}
