using CustomerCare.Orders;
using CustomerCare.Segments;
using CustomerCare.Segments.Membership;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Segments;

public sealed class SegmentServiceTests : IAsyncDisposable
{
    private readonly FakeClock _clock = TestClocks.At(2026, 11, 2, 9, 0, "Europe/Istanbul");
    private readonly ServiceProvider _provider;
    private readonly CommerceEvents _events = new("seg");
    private static int _built;

    public SegmentServiceTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddCustomerCare(o => o.Segments.Definitions.Add(new SegmentDefinition("istanbul_buyers", "city = 'istanbul' and orders >= 1", "Buyers in İstanbul")));
        _provider = services.BuildServiceProvider();
    }

    private SegmentService Service => _provider.GetRequiredService<SegmentService>();

    private CustomerEventProcessor Processor => _provider.GetRequiredService<CustomerEventProcessor>();

    [Fact]
    public async Task EvaluateAll_ThenAnOrder_ReportsWhoEnteredAndAnswersWhoWasInTheSegmentBefore()
    {
        var ayse = Fresh().WithId("c-ayse").InCity("İSTANBUL").SignedUpAt(_clock.GetCurrentInstant() - Duration.FromDays(100)).Build();
        await Processor.ApplyAsync(_events.Registered(ayse));
        var first = await Service.EvaluateAllAsync();
        var before = _clock.GetCurrentInstant();

        _clock.Advance(Duration.FromDays(1));
        await Processor.ApplyAsync(_events.Placed(ayse.Id, OrderId.From("o-1"), new Money(250m, Currency.TRY), _clock.GetCurrentInstant()));
        var second = await Service.EvaluateAllAsync();

        Assert.Equal(0, Result(first, "istanbul_buyers").Members.Count);
        var entered = Result(second, "istanbul_buyers").Changes.Single();
        Assert.Equal((ayse.Id, SegmentChangeKind.Entered), (entered.CustomerId, entered.Kind));
        Assert.Contains(Result(second, "one_time_buyers").Changes, c => c.CustomerId == ayse.Id && c.Kind == SegmentChangeKind.Entered);
        var membership = _provider.GetRequiredService<ISegmentMembershipStore>();
        Assert.Empty(await membership.MembersAtAsync("istanbul_buyers", before));
        Assert.Equal([ayse.Id], await membership.MembersAtAsync("istanbul_buyers", _clock.GetCurrentInstant()));
    }

    [Fact]
    public async Task EvaluateAll_Twice_WithoutChanges_ReportsNoChanges()
    {
        await Processor.ApplyAsync(_events.Registered(Fresh().Build()));
        await Service.EvaluateAllAsync();
        _clock.Advance(Duration.FromHours(1));

        var again = await Service.EvaluateAllAsync();

        Assert.All(again.Results, r => Assert.Empty(r.Changes));
    }

    [Fact]
    public async Task SegmentsOf_OneCustomer_ListsTheirSegments()
    {
        var customer = Fresh().WithId("c-new").SignedUpAt(_clock.GetCurrentInstant() - Duration.FromDays(3)).Build();
        await Processor.ApplyAsync(_events.Registered(customer));

        Assert.Equal(["new_customers"], await Service.SegmentsOfAsync(customer.Id));
        Assert.Empty(await Service.SegmentsOfAsync(CustomerCare.Customers.CustomerId.From("nobody")));
    }

    [Fact]
    public async Task MembersAt_EverySegment_AreTheMembersTheTableEvaluationFinds()
    {
        var now = _clock.GetCurrentInstant();
        string?[] cities = ["İstanbul", "ISTANBUL", "Bursa", null];
        for (var i = 0; i < 24; i++)
        {
            var customer = Fresh().InCity(cities[i % cities.Length]).SignedUpAt(now - Duration.FromDays(5 + (40 * i))).Build();
            await Processor.ApplyAsync(_events.Registered(customer));
            for (var order = 0; order < i % 5; order++)
            {
                var at = now - Duration.FromDays((i * 9) + (order * 30));
                await Processor.ApplyAsync(_events.Placed(customer.Id, OrderId.From($"o-{i}-{order}"), new Money(150m + (1000m * i), Currency.TRY), at));
            }
        }

        var run = await Service.EvaluateAllAsync();

        Assert.Contains(Service.Segments, s => s.Rule.UsesPopulation);
        Assert.Contains(Service.Segments, s => !s.Rule.UsesPopulation);
        foreach (var segment in Service.Segments)
        {
            var streamed = new List<CustomerCare.Customers.CustomerId>();
            await foreach (var member in Service.MembersAtAsync(segment, now))
            {
                streamed.Add(member.Id);
            }

            Assert.Equal(Result(run, segment.Name).Members.CustomerIds().Order().ToList(), streamed.Order().ToList());
        }

        Assert.Contains(run.Results, r => r.Members.Count > 0 && !r.Segment.Rule.UsesPopulation);
    }

    [Fact]
    public async Task EvaluateRule_AdHoc_RecordsNothing()
    {
        await Processor.ApplyAsync(_events.Registered(Fresh().InCity("Bursa").Build()));

        var members = await Service.EvaluateRuleAsync("city = 'BURSA'");

        Assert.Equal(1, members.Count);
        Assert.Null(await _provider.GetRequiredService<ISegmentMembershipStore>().LastEvaluatedAsync("vip"));
    }

    [Fact]
    public void Catalog_UserSegmentWithABuiltInName_ReplacesIt()
    {
        var options = new CustomerCareOptions();
        options.Segments.Definitions.Add(new SegmentDefinition("vip", "total_spend >= 50000"));

        var catalog = new SegmentCatalog(Options.Create(options));

        Assert.Single(catalog.Segments, s => s.Name == "vip");
        Assert.True(catalog.TryGet("vip", out var vip));
        Assert.Equal("total_spend >= 50000", vip.Rule.Text);
    }

    [Fact]
    public async Task Host_WithABrokenSegmentRule_FailsOnStartNamingTheSegmentAndThePosition()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCustomerCare(o =>
        {
            o.Segments.Definitions.Add(new SegmentDefinition("ok", "orders > 1"));
            o.Segments.Definitions.Add(new SegmentDefinition("broken", "orders > 1 and ctiy = 'Bursa'"));
            o.Segments.Definitions.Add(new SegmentDefinition("Bad Name", "orders > 1"));
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("segment 'broken'", StringComparison.Ordinal) && f.Contains("column 16", StringComparison.Ordinal) && f.Contains("'city'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("'Bad Name'", StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static SegmentResult Result(SegmentRun run, string name) => run.Results.Single(r => r.Segment.Name == name);

    // CustomerBuilder keeps what it was told between builds, so each customer starts from a fresh one.
    private static CustomerBuilder Fresh() => new("c" + Interlocked.Increment(ref _built).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
