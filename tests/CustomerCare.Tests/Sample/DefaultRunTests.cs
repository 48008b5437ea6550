using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Sample;
using CustomerCare.Sample.Reporting;
using CustomerCare.Sample.Simulation;
using CustomerCare.Tests.Support;
using CustomerCare.Text;

namespace CustomerCare.Tests.Sample;

public sealed class DefaultRunTests(DefaultRunFixture fixture) : IClassFixture<DefaultRunFixture>
{
    private readonly CommandOutput _run = fixture.Run;
    private readonly IReadOnlyList<Customer> _customers = fixture.Customers;
    private readonly IReadOnlyList<Order> _orders = fixture.Orders;

    [Fact]
    public void NoArguments_SimulatesTheDefaultStoreAndPrintsTheReport()
    {
        Assert.Equal(0, _run.ExitCode);
        Assert.Equal(string.Empty, _run.Error);
        Assert.Matches(@"Seed\s+42\n", _run.Out);
        Assert.Matches(@"Customers\s+300\n", _run.Out);
        Assert.Matches(@"Days\s+120\n", _run.Out);
        foreach (var title in ReportTitles.ReportSections)
        {
            Assert.Contains("== " + title + " ==", _run.Out, StringComparison.Ordinal);
        }

        Assert.Equal(SimulationSettings.Default.Customers, _customers.Count);
    }

    [Fact]
    public void NoArguments_AfterTheReport_PrintsSegmentSizesAndTheRfmSummary()
    {
        var reportEnd = _run.Out.IndexOf("== " + ReportTitles.TopCustomers + " ==", StringComparison.Ordinal);
        foreach (var title in ReportTitles.SegmentSections)
        {
            Assert.True(_run.Out.IndexOf("== " + title + " ==", StringComparison.Ordinal) > reportEnd, title);
        }

        Assert.DoesNotContain("The store is empty", _run.Out, StringComparison.Ordinal);
        Assert.Matches($@"\n  one_time_buyers\s+{_customers.Count(c => c.Stats.OrderCount == 1)}\s", _run.Out);
        Assert.Matches($@"\n  none\s+{_customers.Count(c => c.Stats.OrderCount == 0)}\s", _run.Out);
    }

    [Fact]
    public void DefaultRun_Customers_AreTurkishWithSomeAbroad()
    {
        var home = _customers.Where(c => c.TimeZone.Id == "Europe/Istanbul").ToList();
        var abroad = _customers.Except(home).ToList();
        string[] turkishCities = [.. Places.Turkey.Select(c => c.Name)];

        Assert.InRange(abroad.Count, 5, 30);
        Assert.True(abroad.Select(c => c.TimeZone.Id).Distinct().Count() >= 3);
        Assert.All(home.Where(c => c.Phone is not null), c => Assert.StartsWith("+905", c.Phone!.Value.Value, StringComparison.Ordinal));
        Assert.All(home.Where(c => c.City is not null), c => Assert.Contains(c.City!, turkishCities, TurkishInvariantComparer.Instance));

        // A few customers type their city in capitals or without Turkish letters; the report folds them together.
        Assert.Contains(home, c => c.City is not null && !turkishCities.Contains(c.City, StringComparer.Ordinal));

        Assert.All(_customers.Where(c => c.Email is not null), c => Assert.True(c.Email!.Value.Value.All(char.IsAscii)));
        Assert.Contains(_customers, c => c.Name.FullName.IndexOfAny(['ç', 'ğ', 'ı', 'ö', 'ş', 'ü', 'Ç', 'Ğ', 'İ', 'Ö', 'Ş', 'Ü']) >= 0);
        Assert.Contains(_customers, c => c.Birthday is { Date.Month: 2, Date.Day: 29 });
        Assert.Contains(_customers, c => c.Tags.Contains("vip"));
        Assert.Contains(_customers, c => c.Gender == Gender.Female);
        Assert.Contains(_customers, c => c.Gender == Gender.Male);
    }

    [Fact]
    public void DefaultRun_Orders_HaveTurkishCategoriesAndPartialAndFullRefunds()
    {
        string[] categories = [.. Catalog.Categories.Select(c => c.Name)];

        Assert.All(_orders, o => Assert.Equal(o.Total, o.Lines.Aggregate(Money.Zero(Currency.TRY), (sum, line) => sum + line.LineTotal)));
        Assert.All(_orders.SelectMany(o => o.Lines), l => Assert.Contains(l.Category, categories));
        Assert.Contains(_orders, o => o.Status == OrderStatus.PartiallyReturned && o.RefundedTotal.Amount > 0 && o.RefundedTotal < o.Total);
        Assert.Contains(_orders, o => o.Status == OrderStatus.Returned && o.RefundedTotal == o.Total);
        Assert.Contains(_orders, o => o.Status == OrderStatus.Cancelled && o.ShippedAt is null);
        Assert.Contains(_orders, o => o.Status == OrderStatus.Cancelled && o.ShippedAt is not null);
        Assert.Contains(_orders, o => o.Status is OrderStatus.Placed or OrderStatus.Shipped);
        Assert.All(_orders, o => Assert.InRange(o.PlacedAt, SampleHost.DefaultStart, fixture.Host.Clock.GetCurrentInstant()));
    }

    // The README's output is what a newcomer compares their first run with; it had drifted (no consent rows, older care numbers) before this test.
    [Fact]
    public void DefaultRun_PrintsTheSampleOutputOfTheSampleReadme()
    {
        const string heading = "## Sample output (redirected, default run)\n\n```text\n";
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "CustomerCare.Sample", "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, "the sample README has no '" + heading.Trim() + "' block");
        start += heading.Length;
        var pasted = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Equal(WithoutStoreLine(pasted), WithoutStoreLine(_run.Out.ReplaceLineEndings("\n")));
    }

    // The README's run is on the default SQLite file, the fixture's on the in-memory store; nothing else may differ.
    private static string WithoutStoreLine(string output) =>
        string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("  Store ", StringComparison.Ordinal)));
}
