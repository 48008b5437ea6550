using System.Globalization;
using System.Text.Json;
using CustomerCare.Customers;
using CustomerCare.Sample.Reporting;
using CustomerCare.Segments.Rules;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Tests.Sample;

public sealed class SegmentsCommandTests
{
    private static readonly string[] Small = ["--customers", "80", "--days", "60", "--seed", "5"];

    [Fact]
    public async Task Segments_Sizes_EqualCountsComputedFromTheStore()
    {
        await using var runner = new SampleRunner();
        var run = await runner.RunAsync(["segments", "--json", .. Small]);
        var json = run.Json();
        var customers = await ListCustomersAsync(runner);
        var asOf = runner.Host.Clock.GetCurrentInstant();
        var sizes = Sizes(json);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(customers.Count, json.GetProperty("customers").GetInt32());
        Assert.Equal(customers.Count(c => c.Stats.OrderCount == 1), sizes["one_time_buyers"]);
        Assert.Equal(customers.Count(c => c.Stats.OrderCount >= 3 && DaysSince(c, c.Stats.LastOrderAt, asOf) is >= 0 and <= 180), sizes["regular"]);
        Assert.Equal(customers.Count(c => c.Birthday?.Date.Month == asOf.InZone(c.TimeZone).Month), sizes["birthday_this_month"]);
        Assert.Equal(0, sizes["unhappy"]);

        // vip = the top fifth by spend (monetary score 5: above the nearest-rank 80 % cut) or tagged vip.
        var spends = customers.Where(c => c.Stats.OrderCount > 0).Select(c => c.Stats.TotalSpend.Amount).Order().ToArray();
        var topCut = spends[((4 * spends.Length) + 4) / 5 - 1];
        Assert.Equal(customers.Count(c => (c.Stats.OrderCount > 0 && c.Stats.TotalSpend.Amount > topCut) || c.Tags.Contains("vip")), sizes["vip"]);
        Assert.Contains(sizes, s => s.Value > 0 && s.Key != "one_time_buyers");
    }

    [Fact]
    public async Task Segments_FirstEvaluation_CountsEveryMemberAsEnteredWithShares()
    {
        var json = (await SampleRunner.RunOnceAsync(["segments", "--json", .. Small])).Json();
        var total = json.GetProperty("customers").GetInt32();

        Assert.All(json.GetProperty("segments").EnumerateArray(), s =>
        {
            var size = s.GetProperty("size").GetInt32();
            Assert.Equal(size, s.GetProperty("entered").GetInt32());
            Assert.Equal(0, s.GetProperty("left").GetInt32());
            Assert.Equal(JsonValueKind.Null, s.GetProperty("previousEvaluationAt").ValueKind);
            Assert.Equal(Math.Round((decimal)size / total, 4, MidpointRounding.AwayFromZero), s.GetProperty("share").GetDecimal());
            Assert.False(string.IsNullOrEmpty(s.GetProperty("rule").GetString()));
        });
    }

    [Fact]
    public async Task Segments_SecondEvaluationLater_ReportsWhoEnteredAndLeftSinceTheFirst()
    {
        await using var runner = new SampleRunner();
        var first = (await runner.RunAsync(["segments", "--json", .. Small])).Json();
        runner.Host.Clock.AdvanceDays(45);
        var second = (await runner.RunAsync("segments", "--json")).Json();
        var before = Sizes(first);

        Assert.Equal(first.GetProperty("asOf").GetString(), second.GetProperty("segments")[0].GetProperty("previousEvaluationAt").GetString());
        Assert.All(second.GetProperty("segments").EnumerateArray(), s => Assert.Equal(
            before[s.GetProperty("name").GetString()!] + s.GetProperty("entered").GetInt32() - s.GetProperty("left").GetInt32(),
            s.GetProperty("size").GetInt32()));

        // 45 days without orders move customers out of "new" and into "at risk".
        Assert.Contains(second.GetProperty("segments").EnumerateArray(), s => s.GetProperty("left").GetInt32() > 0);
        Assert.Contains(second.GetProperty("segments").EnumerateArray(), s => s.GetProperty("entered").GetInt32() > 0);
    }

    [Fact]
    public async Task Segments_BadRule_ExitsWithUsageNamingTheColumnAndTheHintWithACaret()
    {
        const string rule = "orders >= 3 and ordrs > 2";
        await using var runner = new SampleRunner();
        var run = await runner.RunAsync("segments", "--rule", rule);
        var lines = run.Error.Split('\n');
        var echo = Array.IndexOf(lines, "  " + rule);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("error: line 1, column 17: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("ordrs", lines[0], StringComparison.Ordinal);
        Assert.Contains("(did you mean 'orders'?)", lines[0], StringComparison.Ordinal);
        Assert.True(echo > 0, run.Error);
        Assert.Equal("  " + new string(' ', 16) + "^", lines[echo + 1]);

        // The rule is refused before the empty store is simulated.
        Assert.Equal(0, await runner.Host.Services.GetRequiredService<ICustomerStore>().CountAsync(new Specification<Customer>()));
    }

    [Fact]
    public async Task Segments_RuleWithSeveralProblems_PrintsEveryErrorTheLibraryFound()
    {
        const string rule = "ordrs > 2 and citty = 'Ankara'";
        var expected = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse(rule)).Errors;

        var run = await SampleRunner.RunOnceAsync("segments", "--rule", rule, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.All(expected, error => Assert.Contains("error: " + error, run.Error, StringComparison.Ordinal));
        Assert.Equal(expected.Count, run.Error.Split('\n').Count(l => l.StartsWith("error: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void RuleErrorText_ErrorOnTheSecondLineAfterATab_PutsTheCaretUnderTheColumnKeepingTheTab()
    {
        const string rule = "orders > 1\n\tand city ~ 2";
        var error = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse(rule)).Errors[0];

        var lines = RuleErrorText.Lines(rule, error);

        Assert.Equal(2, error.Line);
        Assert.Equal(["error: " + error, "  \tand city ~ 2", "  \t         ^"], lines);
    }

    [Fact]
    public async Task Segments_Rule_CountsLikeTheStoreAndListsTheFirstTenMembersById()
    {
        await using var runner = new SampleRunner();
        var json = (await runner.RunAsync(["segments", "--rule", "orders >= 1 and city = 'ISTANBUL'", "--json", .. Small])).Json();
        var expected = (await ListCustomersAsync(runner))
            .Where(c => c.Stats.OrderCount >= 1 && c.City is not null && TurkishInvariantComparer.Instance.Equals(c.City, "istanbul"))
            .OrderBy(c => c.Id.Value, StringComparer.Ordinal)
            .ToList();

        Assert.True(expected.Count > 10, "the data should have more members than are listed");
        Assert.Equal(expected.Count, json.GetProperty("size").GetInt32());
        Assert.Equal("orders >= 1 and city = 'ISTANBUL'", json.GetProperty("rule").GetString());
        Assert.Equal(
            expected.Take(10).Select(c => (c.Id.Value, c.Name.FullName, c.City)),
            json.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("customerId").GetString()!, m.GetProperty("name").GetString()!, m.GetProperty("city").GetString())));
    }

    [Fact]
    public async Task Segments_OnAnEmptyStore_SimulatesFirstAndSaysSoOnOneLine()
    {
        var plain = await SampleRunner.RunOnceAsync(["segments", .. Small]);
        var json = (await SampleRunner.RunOnceAsync(["segments", "--json", .. Small])).Json();

        Assert.Equal(0, plain.ExitCode);
        Assert.StartsWith("The store (memory) was empty, so a store was simulated first: 80 customers over 60 days, seed 5.\n\n", plain.Out, StringComparison.Ordinal);
        Assert.Contains("== " + ReportTitles.Segments + " ==", plain.Out, StringComparison.Ordinal);
        Assert.Equal(80, json.GetProperty("simulated").GetProperty("customers").GetInt32());
        Assert.Equal(5, json.GetProperty("simulated").GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task Segments_OnAStoreWithData_UsesItAndNotesThatTheSimulationOptionsAreNotUsed()
    {
        await using var runner = new SampleRunner();
        await runner.RunAsync("simulate", "--customers", "30", "--days", "20", "--json");
        var run = await runner.RunAsync("segments", "--json", "--seed", "9");
        var json = run.Json();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("simulated").ValueKind);
        Assert.Equal(30, json.GetProperty("customers").GetInt32());
        Assert.StartsWith("note: the store already holds 30 customers", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segments_SameSeedTwice_WritesIdenticalJson()
    {
        var first = await SampleRunner.RunOnceAsync(["segments", "--json", .. Small]);
        var second = await SampleRunner.RunOnceAsync(["segments", "--json", .. Small]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.NotEqual(0, first.Json().GetProperty("segments").GetArrayLength());
    }

    [Fact]
    public async Task Segments_UnderTurkishAndInvariantCultures_WritesIdenticalJson()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            var turkish = await SampleRunner.RunOnceAsync(["segments", "--json", .. Small]);
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = await SampleRunner.RunOnceAsync(["segments", "--json", .. Small]);

            Assert.Equal(invariant.Out, turkish.Out);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static Dictionary<string, int> Sizes(JsonElement json) =>
        json.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("size").GetInt32());

    private static async Task<IReadOnlyList<Customer>> ListCustomersAsync(SampleRunner runner) =>
        await runner.Host.Services.GetRequiredService<ICustomerStore>().ListAsync(new Specification<Customer>());

    private static int? DaysSince(Customer customer, Instant? instant, Instant asOf) =>
        instant is { } value ? Period.DaysBetween(value.InZone(customer.TimeZone).Date, asOf.InZone(customer.TimeZone).Date) : null;
}
