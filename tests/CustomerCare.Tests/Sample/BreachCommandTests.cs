using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Privacy.Audit;
using CustomerCare.Segments;
using CustomerCare.Segments.Rules;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Sample;

public sealed class BreachCommandTests
{
    private static readonly string[] Small = ["--customers", "60", "--days", "30", "--seed", "7"];

    [Fact]
    public async Task BreachSimulate_QueuesOneTopPriorityNoticePerReachableCustomerTheRuleSelects()
    {
        await using var runner = new SampleRunner();
        var run = await runner.RunAsync(["breach", "simulate", "--rule", "orders >= 1", .. Small]);
        var services = runner.Host.Services;
        var asOf = runner.Host.Clock.GetCurrentInstant();
        var selected = await services.GetRequiredService<ICustomerStore>().ListAsync(new SegmentSpecification(SegmentRule.Parse("orders >= 1"), asOf));
        var reachable = selected.Count(c => c.Email is not null || c.Phone is not null);
        var outbox = services.GetRequiredService<IOutboxStore>();
        var notices = new List<OutboxMessage>();
        foreach (var customer in selected)
        {
            notices.AddRange((await outbox.ListForCustomerAsync(customer.Id, asOf - NodaTime.Duration.FromDays(1))).Where(m => m.Id.StartsWith("breach/B-SIM-1/", StringComparison.Ordinal)));
        }

        Assert.Equal(0, run.ExitCode);
        Assert.True(reachable > 0);
        Assert.Contains($"Breach B-SIM-1: {selected.Count} customers affected", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Notices queued to the outbox: {reachable} ", run.Out, StringComparison.Ordinal);
        Assert.Equal(reachable, notices.Count);
        Assert.All(notices, m => Assert.Equal((1000, MessageKind.Transactional), (m.Priority, m.Kind)));
        Assert.Equal(5, run.Out.Split('\n').Count(l => l.StartsWith("  breach/B-SIM-1/", StringComparison.Ordinal)));
        Assert.True((await services.GetRequiredService<AuditTrail>().VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task BreachSimulate_ABadRule_IsRefusedWithItsPosition()
    {
        var run = await SampleRunner.RunOnceAsync(["breach", "simulate", "--rule", "ordrs >= 1", .. Small]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("ordrs", run.Error, StringComparison.Ordinal);
    }
}
