using CustomerCare.Campaigns;
using CustomerCare.Coupons;
using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Tests.Campaigns;

public sealed class CampaignSchedulerTests
{
    [Fact]
    public async Task RunDue_WithBirthdayAndWinBackRegistered_RunsBoth_AndASecondRunIssuesNothing()
    {
        var clock = TestClocks.At(2027, 5, 17, 10, 0, "Europe/Istanbul");
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddCustomerCare().AddBirthdayCampaign().AddWinBackCampaign(o => o.InactiveDays = 60);
        await using var provider = services.BuildServiceProvider();
        var coupons = provider.GetRequiredService<ICouponStore>();
        await coupons.AddDefinitionAsync(new CouponDefinition("birthday", "Doğum günü", Discount.PercentOff(20)));
        await coupons.AddDefinitionAsync(new CouponDefinition("win-back", "Seni özledik", Discount.PercentOff(15)));
        var lastOrder = clock.GetCurrentInstant() - Duration.FromDays(70);
        var customer = new CustomerBuilder("sch").BornOn(5, 17).InZone("Europe/Istanbul")
            .With(c => c with { Consents = Support.TestConsents.Marketing(true), Stats = c.Stats with { OrderCount = 1, FirstOrderAt = lastOrder, LastOrderAt = lastOrder } })
            .Build();
        await provider.GetRequiredService<ICustomerStore>().CommitAsync(new CustomerChangeSet { Customers = [new(customer, 0)] });
        var scheduler = provider.GetRequiredService<CampaignScheduler>();

        var first = await scheduler.RunDueAsync(clock.GetCurrentInstant());
        var second = await scheduler.RunDueAsync(clock.GetCurrentInstant() + Duration.FromHours(1));

        Assert.Equal(["birthday", "win-back"], first.Select(r => r.CampaignId));
        Assert.All(first, r => Assert.Single(r.Issued));
        Assert.All(second, r => Assert.Empty(r.Issued));
    }
}
