using System.Text.Json;
using CustomerCare.Customers;
using CustomerCare.Sample;
using CustomerCare.Segments.Rfm;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Tests.Sample;

public sealed class RfmCommandTests
{
    private static readonly string[] Small = ["rfm", "--json", "--customers", "90", "--days", "75", "--seed", "3"];

    [Fact]
    public async Task Rfm_Json_CutPointsEqualAnIndependentNearestRankOverTheStore()
    {
        await using var runner = new SampleRunner();
        var run = await runner.RunAsync(Small);
        var cuts = run.Json().GetProperty("cutPoints");
        var asOf = runner.Host.Clock.GetCurrentInstant();
        var buyers = (await runner.Host.Services.GetRequiredService<ICustomerStore>().ListAsync(new Specification<Customer>()))
            .Where(c => c.Stats.OrderCount > 0)
            .ToList();
        var recency = buyers.Select(c => (decimal)Period.DaysBetween(c.Stats.LastOrderAt!.Value.InZone(c.TimeZone).Date, asOf.InZone(c.TimeZone).Date));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("nearest_rank", cuts.GetProperty("method").GetString());
        Assert.Equal(buyers.Count, cuts.GetProperty("population").GetInt32());
        Assert.Equal([0.2m, 0.4m, 0.6m, 0.8m], Decimals(cuts.GetProperty("quantiles")));
        Assert.Equal(NearestRankQuintiles(recency), Decimals(cuts.GetProperty("recencyDays")));
        Assert.Equal(NearestRankQuintiles(buyers.Select(c => (decimal)c.Stats.OrderCount)), Decimals(cuts.GetProperty("frequency")));
        Assert.Equal(NearestRankQuintiles(buyers.Select(c => c.Stats.TotalSpend.Amount)), Decimals(cuts.GetProperty("monetary")));
    }

    [Fact]
    public async Task Rfm_WithInterpolatedQuantilesConfigured_ShowsThatMethodAndItsCutPoints()
    {
        await using var runner = new SampleRunner(SampleHost.Create(configure: services =>
            services.Configure<CustomerCareOptions>(o => o.Segments.QuantileMethod = QuantileMethod.Interpolated)));
        var cuts = (await runner.RunAsync(Small)).Json().GetProperty("cutPoints");
        var buyers = (await runner.Host.Services.GetRequiredService<ICustomerStore>().ListAsync(new Specification<Customer>()))
            .Where(c => c.Stats.OrderCount > 0)
            .ToList();

        Assert.Equal("interpolated", cuts.GetProperty("method").GetString());
        Assert.Equal(InterpolatedQuintiles(buyers.Select(c => (decimal)c.Stats.OrderCount)), Decimals(cuts.GetProperty("frequency")));
        Assert.Equal(
            InterpolatedQuintiles(buyers.Select(c => c.Stats.TotalSpend.Amount)).Select(m => Math.Round(m, 2, MidpointRounding.AwayFromZero)),
            Decimals(cuts.GetProperty("monetary")));
    }

    [Fact]
    public async Task Rfm_Json_SegmentAndLifecycleCountsEachSumToTheCustomers()
    {
        await using var runner = new SampleRunner();
        var json = (await runner.RunAsync(Small)).Json();
        var customers = await runner.Host.Services.GetRequiredService<ICustomerStore>().ListAsync(new Specification<Customer>());
        var segments = Counts(json.GetProperty("segments"));
        var lifecycle = Counts(json.GetProperty("lifecycle"));

        Assert.Equal(customers.Count, json.GetProperty("customers").GetInt32());
        Assert.Equal(["champions", "loyal", "at_risk", "hibernating", "lost", "new", "none"], segments.Keys);
        Assert.Equal(["prospect", "new", "active", "at_risk", "lapsed"], lifecycle.Keys);
        Assert.Equal(customers.Count, segments.Values.Sum());
        Assert.Equal(customers.Count, lifecycle.Values.Sum());
        Assert.Equal(customers.Count(c => c.Stats.OrderCount == 0), segments["none"]);
        Assert.True(segments["champions"] > 0);
    }

    [Fact]
    public async Task Rfm_Plain_ShowsTheCutPointsAndBothBreakdowns()
    {
        var run = await SampleRunner.RunOnceAsync("rfm", "--customers", "40", "--days", "30");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Matches(@"Recency \(days\)\s+\d+\s+\d+\s+\d+\s+\d+\n", run.Out);
        Assert.Matches(@"Monetary \(net spend\)\s+₺[\d.]+,\d\d\s+₺", run.Out);
        Assert.Matches(@"\n  champions\s+\d+\s+\(%\d+,\d\)\n", run.Out);
        Assert.Matches(@"\n  prospect\s+\d+\s+\(%\d+,\d\)\n", run.Out);
    }

    private static decimal[] NearestRankQuintiles(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();

        // Rank ⌈k·n/5⌉ (1-based) for k = 1..4, in whole numbers.
        return [.. Enumerable.Range(1, 4).Select(k => sorted[((k * sorted.Length) + 4) / 5 - 1])];
    }

    private static decimal[] InterpolatedQuintiles(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();

        // R's type 7: h = (n − 1)·p, between the values at ⌊h⌋ and ⌊h⌋ + 1 (0-based); (n − 1)·k/5 in fifths.
        return [.. Enumerable.Range(1, 4).Select(k =>
        {
            var fifths = (sorted.Length - 1) * k;
            var low = fifths / 5;
            var fraction = (fifths % 5) / 5m;
            return fraction == 0 ? sorted[low] : sorted[low] + (fraction * (sorted[low + 1] - sorted[low]));
        })];
    }

    private static decimal[] Decimals(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDecimal())];

    private static Dictionary<string, int> Counts(JsonElement json) =>
        json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
}
