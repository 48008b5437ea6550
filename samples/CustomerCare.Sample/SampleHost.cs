using CustomerCare.Campaigns.Loyalty;
using CustomerCare.MailKit;
using CustomerCare.Notifications;
using CustomerCare.Policy.Compensation;
using CustomerCare.Sample.Reporting;
using CustomerCare.Sample.Simulation;
using CustomerCare.Sample.Simulation.Care;
using CustomerCare.Sqlite;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Sample;

/// <summary>
/// The sample's composition root: one <see cref="IServiceProvider"/> with the library registered through
/// <c>services.AddCustomerCare(…)</c> and the sample's own services beside it.
/// </summary>
/// <remarks>
/// The library's registrations are listed once, in <see cref="AddLibrary"/>, so the commands, the tests and a newcomer
/// reading the code find the whole wiring in one place. Two hosts use it: this one, whose clock is a
/// <see cref="FakeClock"/> that the simulation advances day by day (which keeps a run reproducible for a seed), and the
/// <c>serve</c> command's web application, which runs on the system clock.
/// </remarks>
public sealed class SampleHost : IAsyncDisposable, IDisposable
{
    /// <summary>Where the simulated calendar starts: 2026-01-01 00:00 in Istanbul.</summary>
    public static readonly Instant DefaultStart = new LocalDateTime(2026, 1, 1, 0, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Europe/Istanbul"]).ToInstant();

    private readonly ServiceProvider _provider;

    private readonly string? _temporaryOutbox;

    private SampleHost(ServiceProvider provider, SampleHostOptions options, string? temporaryOutbox)
    {
        _provider = provider;
        Options = options;
        _temporaryOutbox = temporaryOutbox;
        Clock = provider.GetRequiredService<FakeClock>();
    }

    /// <summary>Where the data is kept and the messages go.</summary>
    public SampleHostOptions Options { get; }

    /// <summary>The services: the library's (store, processor, options) and the sample's.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The simulated clock, also registered as the <see cref="IClock"/> every service reads.</summary>
    public FakeClock Clock { get; }

    /// <summary>Builds the host.</summary>
    /// <param name="start">Where the clock starts; <see cref="DefaultStart"/> when <see langword="null"/>.</param>
    /// <param name="configure">Further registrations, applied last (tests and later features replace services here).</param>
    /// <param name="options">The store and channels; <see cref="SampleHostOptions.InMemory"/> when <see langword="null"/>.</param>
    /// <returns>The host; dispose it to release the services.</returns>
    /// <exception cref="OptionsValidationException">The library options are invalid.</exception>
    public static SampleHost Create(Instant? start = null, Action<IServiceCollection>? configure = null, SampleHostOptions? options = null)
    {
        options ??= SampleHostOptions.InMemory;
        var temporaryOutbox = options.Outbox is null ? Path.Combine(Path.GetTempPath(), "customercare-sample-" + Guid.NewGuid().ToString("N")) : null;
        options = temporaryOutbox is null ? options : options with { Outbox = temporaryOutbox };
        var services = new ServiceCollection();
        ConfigureServices(services, new FakeClock(start ?? DefaultStart), options);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // A plain ServiceProvider has no host to run ValidateOnStart, so the options are checked here.
        _ = provider.GetRequiredService<IOptions<CustomerCareOptions>>().Value;

        // The in-memory store completes at once; a database plugin would seed its definitions in a migration instead.
        SeedAsync(provider).AsTask().GetAwaiter().GetResult();
        return new SampleHost(provider, options, temporaryOutbox);
    }

    /// <summary>Registers the simulated clock, the library and the simulation's services.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="clock">The simulated clock.</param>
    /// <param name="options">The store and channels.</param>
    public static void ConfigureServices(IServiceCollection services, FakeClock clock, SampleHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);

        // The clock goes in before AddCustomerCare, which only adds its system-clock default when none is registered.
        services.AddSingleton(clock);
        services.AddSingleton<IClock>(clock);
        AddLibrary(services, options);
        services.AddSingleton<RecoveryLog>();
        services.AddSingleton<IServiceRecoveryObserver>(sp => sp.GetRequiredService<RecoveryLog>());
        services.AddSingleton<CareSimulator>();
        services.AddSingleton<StoreSimulator>();
        services.AddSingleton<StoreReportBuilder>();
        services.AddSingleton<SegmentReportBuilder>();
    }

    /// <summary>
    /// Registers the library as the sample uses it: options, campaigns, surveys, reviews, the policy, notifications,
    /// the store and the channels. The clock is whatever <see cref="IClock"/> was registered before, else the
    /// library's default, the system clock.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The store and channels.</param>
    /// <returns>The builder, for further parts (the <c>serve</c> command adds the inbound webhooks and the hosted jobs).</returns>
    public static ICustomerCareBuilder AddLibrary(IServiceCollection services, SampleHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        // An SMTP server's answers are waited for, so four messages go to it at once. The file channel writes one at a
        // time: file creations in one folder did not overlap here, and four at once only cost more processor time.
        services.AddSingleton(new OutboxOptions { MaxConcurrentSends = options.SmtpEndpoint() is null ? 1 : 4 });
        var care = services.AddCustomerCare(o =>
            {
                o.Currency = "TRY";
                o.DefaultTimeZone = "Europe/Istanbul";
                o.DefaultLocale = "tr-TR";
            });
        care
            .AddWelcomeCampaign()
            .AddFirstPurchaseCampaign()
            .AddBirthdayCampaign()
            .AddLoyaltyCampaign(o => o.Every = LoyaltyPeriod.Quarter)
            .AddWinBackCampaign(o => o.InactiveDays = 60)
            .AddThankYouCampaign()
            .AddSurveys()
            .AddReviewHealth()
            .UsePolicy(SamplePolicy.Create())
            .AddNotifications(o =>
            {
                o.Brand = "Örnek Mağaza";
                o.SupportUrl = "https://destek.ornekmagaza.com.tr";
                o.ShopUrl = "https://www.ornekmagaza.com.tr";
                o.DefaultCarrier = "Yurtiçi Kargo";
            });
        UseStore(care, options);
        UseChannels(care, options);
        return care;
    }

    /// <summary>Adds the coupon definitions the sample's campaigns issue under; a definition the store holds already is left as it is.</summary>
    /// <param name="services">The built services.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the definitions are stored.</returns>
    public static async ValueTask SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var coupons = services.GetRequiredService<ICouponStore>();
        foreach (var definition in SampleCampaigns.Definitions)
        {
            _ = await coupons.AddDefinitionAsync(definition, cancellationToken);
        }
    }

    private static void UseStore(ICustomerCareBuilder care, SampleHostOptions options)
    {
        if (options.PostgreSql is { } connectionString)
        {
            care.UsePostgreSql(connectionString);
        }
        else if (options.Database is { } path)
        {
            care.UseSqlite(o =>
            {
                o.Path = path;
                // A 100,000-customer run grows a 1.2 GB file, far past the page cache; mapped, its pages are read
                // without a system call each (system time 129 s → 90 s over the whole run).
                o.MemoryMapSize = SqliteStoreOptions.MaxMemoryMapSize;
                // A simulated day is one write batch. A page its writes touch again within one commit goes into the log
                // once, so larger commits write far less: at 30,000 customers × 10 days the log took 504,000 pages at
                // 500 writes per commit and 162,000 at 10,000, and checkpoints took 7.7 s instead of 3.3 s.
                o.WritesPerBatchCommit = 10_000;
                // Every customer of the largest simulation: the first-purchase campaign reads each customer without an
                // order every night for a month, and a cached customer skips copying and parsing its document
                // (100,000 × 30 days: 383 s → 357 s, peak resident 2.95 → 3.02 GB).
                o.CustomerCacheSize = 200_000;
            });
        }
    }

    private static void UseChannels(ICustomerCareBuilder care, SampleHostOptions options)
    {
        if (options.SmtpEndpoint() is { } smtp)
        {
            // A local test server (aiosmtpd, MailHog) speaks plain SMTP without authentication.
            care.UseSmtp(o =>
            {
                o.Host = smtp.Host;
                o.Port = smtp.Port;
                o.SecureSocket = SmtpSecureSocket.None;
                o.From = "destek@ornekmagaza.com.tr";
                o.FromName = "Örnek Mağaza";
            });
            care.UseFileChannels(o =>
            {
                o.Folder = options.Outbox!;
                o.FlushToDisk = false;
                o.Channels.Remove(Channels.OutboundChannelNames.Email);
            });
        }
        else
        {
            care.UseFileChannels(o =>
            {
                o.Folder = options.Outbox!;
                // A folder to look into, not a mail server: hundreds of thousands of messages a run, without a forced write each.
                o.FlushToDisk = false;
                // One mailbox rather than a file per message: at 100,000 customers × 30 days, 440,000 files in one folder,
                // each of which cost 100 to 200 µs of system time to create here.
                o.EmailFormat = Channels.Files.FileChannelFormat.Mbox;
                o.From = "destek@ornekmagaza.com.tr";
                o.FromName = "Örnek Mağaza";
            });
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _provider.Dispose();
        RemoveTemporaryOutbox();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        RemoveTemporaryOutbox();
    }

    private void RemoveTemporaryOutbox()
    {
        if (_temporaryOutbox is not null && Directory.Exists(_temporaryOutbox))
        {
            Directory.Delete(_temporaryOutbox, recursive: true);
        }
    }
}
