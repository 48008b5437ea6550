using CustomerCare.Orders;
using CustomerCare.Specifications;

namespace CustomerCare.Sqlite.Tests.Queries;

/// <summary>The broken-promise sweep's question reads the placed and shipped orders through their index, not every order.</summary>
public sealed class OrderQueryTests
{
    [Fact]
    public async Task UndeliveredPromisedOrders_ReadTheStatusIndex_NotTheWholeTable()
    {
        await using var temp = new TempDatabase();

        var plan = await QueryPlan.StepsOfAsync(temp, SqliteCustomerStore.OrdersQuery(new UndeliveredPromisedOrdersSpecification()), _ => { });

        Assert.Contains(plan, step => step.Contains("INDEX orders_status", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN orders", StringComparison.Ordinal));
    }

    [Fact]
    public void AnyOtherSpecification_ReadsEveryOrder()
    {
        var sql = SqliteCustomerStore.OrdersQuery(new Specification<Order>(q => q.Where(o => o.Status == OrderStatus.Placed)));

        Assert.DoesNotContain("WHERE", sql, StringComparison.Ordinal);
    }
}
