using CustomerCare.Sample;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Sample;

public sealed class BirthdayCampaignSampleTests
{
    [Fact]
    public async Task Simulate_Json_CampaignsSectionCountsEveryCampaignsLedgerGrants()
    {
        await using var runner = new SampleRunner();
        var run = await runner.RunAsync("simulate", "--json", "--customers", "300", "--days", "60", "--seed", "5");
        var ledger = runner.Host.Services.GetRequiredService<ICampaignLedger>();
        var campaigns = run.Json().GetProperty("report").GetProperty("campaigns").EnumerateArray().ToList();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(SampleCampaigns.Ids, campaigns.Select(c => c.GetProperty("campaign").GetString()));
        foreach (var campaign in campaigns)
        {
            var grants = await ledger.GrantsAsync(campaign.GetProperty("campaign").GetString()!);
            Assert.Equal(grants.Count, campaign.GetProperty("issued").GetInt32());
        }

        Assert.All(["welcome", "birthday", "loyalty", "thank-you"], id => Assert.True(campaigns.Single(c => c.GetProperty("campaign").GetString() == id).GetProperty("issued").GetInt32() > 0, id));
    }

    [Fact]
    public async Task Simulate_Plain_ShowsBirthdayCouponsIssued()
    {
        var run = await SampleRunner.RunOnceAsync("simulate", "--customers", "300", "--days", "60", "--seed", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Birthday coupons issued\s+[1-9]\d*\n", run.Out);
    }
}
