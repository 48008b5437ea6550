using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.DependencyInjection;

public sealed class AddCustomerCareTests
{
    [Fact]
    public void AddCustomerCare_Twice_RegistersEachServiceOnceAndKeepsBothConfigurations()
    {
        var services = new ServiceCollection();

        services.AddCustomerCare(o => o.Currency = "EUR");
        services.AddCustomerCare(o => o.DefaultTimeZone = "Europe/Berlin");

        Assert.Single(services, d => d.ServiceType == typeof(ICustomerStore));
        Assert.Single(services, d => d.ServiceType == typeof(CustomerEventProcessor));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<CustomerCareOptions>>().Value;
        Assert.Equal("EUR", options.Currency);
        Assert.Equal("Europe/Berlin", options.DefaultTimeZone);
    }

    [Fact]
    public void AddCustomerCare_StoreAndLedgerAreTheSameInMemoryInstance()
    {
        using var provider = new ServiceCollection().AddCustomerCare().Services.BuildServiceProvider();

        var store = provider.GetRequiredService<ICustomerStore>();

        Assert.IsType<InMemoryCustomerStore>(store);
        Assert.Same(store, provider.GetRequiredService<IProcessedEventLedger>());
    }

    [Fact]
    public void AddCustomerCare_WithTimeProvider_BridgesTheClock()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(new DateTimeOffset(2026, 2, 28, 21, 0, 0, TimeSpan.Zero)));
        services.AddCustomerCare();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(Instant.FromUtc(2026, 2, 28, 21, 0), provider.GetRequiredService<IClock>().GetCurrentInstant());
    }

    [Fact]
    public void AddCustomerCare_RegisteredClockWins()
    {
        var clock = new FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddCustomerCare();
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public async Task Host_WithBadOptions_FailsOnStartNamingEachSettingAndValue()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCustomerCare(o =>
        {
            o.Currency = "TRL";
            o.DefaultTimeZone = "Europe/Ankara";
            o.MaxCommitAttempts = 0;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("CustomerCare:Currency", StringComparison.Ordinal) && f.Contains("TRL", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("CustomerCare:DefaultTimeZone", StringComparison.Ordinal) && f.Contains("Europe/Ankara", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("CustomerCare:MaxCommitAttempts", StringComparison.Ordinal));
    }

    [Fact]
    public void UseCustomerStore_ReplacesTheDefaultForBothContracts()
    {
        var builder = new ServiceCollection().AddCustomerCare();

        builder.UseCustomerStore(_ => new InMemoryCustomerStore());
        using var provider = builder.Services.BuildServiceProvider();

        Assert.Single(builder.Services, d => d.ServiceType == typeof(ICustomerStore));
        Assert.Same(provider.GetRequiredService<ICustomerStore>(), provider.GetRequiredService<IProcessedEventLedger>());
    }

    [Fact]
    public void AddCustomerCare_FromConfiguration_BindsSettingsAndSegments()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerCare:Currency"] = "EUR",
            ["CustomerCare:ProcessedEventRetention"] = "30:00:00:00",
            ["CustomerCare:Segments:ActiveDays"] = "60",
            ["CustomerCare:Segments:Definitions:0:Name"] = "izmir",
            ["CustomerCare:Segments:Definitions:0:Rule"] = "city = 'İzmir'",
        }).Build();
        using var provider = new ServiceCollection().AddCustomerCare(configuration.GetSection("CustomerCare")).Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CustomerCareOptions>>().Value;

        Assert.Equal("EUR", options.Currency);
        Assert.Equal(Duration.FromDays(30), options.ProcessedEventRetention);
        Assert.Equal(60, options.Segments.ActiveDays);
        Assert.True(provider.GetRequiredService<CustomerCare.Segments.SegmentCatalog>().TryGet("izmir", out _));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
