using CustomerCare.Orders;
using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Specifications;

namespace CustomerCare.PostgreSql.Tests;

/// <summary>The broken-promise sweep's question reads the open orders through the partial index of migration 7, not every order.</summary>
public sealed class OrderQueryPlanTests
{
    [SkippableFact]
    public async Task UndeliveredPromisedOrders_ReadTheOpenOrdersIndex()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var store = new PostgreSqlCustomerStore(test.Database);

        var plan = await test.PlanAsync("orders", store.OrdersQuery(new UndeliveredPromisedOrdersSpecification()));

        Assert.Contains("orders_open", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnyOtherSpecification_ReadsEveryOrder()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();

        var sql = new PostgreSqlCustomerStore(test.Database).OrdersQuery(new Specification<Order>(q => q.Where(o => o.Status == OrderStatus.Placed)));

        Assert.DoesNotContain("WHERE", sql, StringComparison.Ordinal);
    }
}
