using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerCare.Channels;
using CustomerCare.Customers;
using CustomerCare.Privacy.Breach;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Benchmarks.Privacy;

/// <summary>
/// A breach of the whole population (100,000 customers, or <c>CUSTOMERCARE_BENCH_CUSTOMERS</c>): record it, stream the
/// customers its rule selects, render and queue one notice each into a fresh in-memory outbox, and write the evidence.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class BreachNotificationBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 9, 0);
    private InMemoryCustomerStore _customers = null!;
    private ServiceProvider _provider = null!;

    /// <summary>How many customers the breach affects.</summary>
    public static int Count { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CUSTOMERCARE_BENCH_CUSTOMERS"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 100_000;

    private static readonly DataBreach Breach = new(
        "B-1",
        "A backup of the order database was left readable.",
        Now - Duration.FromDays(2),
        Now,
        ["name", "email"],
        BreachAudience.Segment("locale in ['tr-TR', 'en-GB']"),
        new Dictionary<string, BreachNoticeText>(StringComparer.Ordinal)
        {
            ["tr"] = new(["Ad ve soyad", "E-posta adresi"], "Sahte e-postalarda kullanılabilir.", ["Erişimi kapattık."], ["Şifrenizi değiştirin."], "kvkk@example.com"),
            ["en"] = new(["Full name", "E-mail address"], "Could be used in fake e-mails.", ["We closed the access."], ["Change your password."], "privacy@example.com"),
        });

    [GlobalSetup]
    public void Populate()
    {
        _customers = new InMemoryCustomerStore();
        var writes = Enumerable.Range(0, Count)
            .Select(i => new Customer(CustomerId.From("c-" + i.ToString("D7", CultureInfo.InvariantCulture)), new PersonName("Ayşe", "Yılmaz"), Now - Duration.FromDays(400), Currency.TRY)
            {
                Email = EmailAddress.Parse("c" + i.ToString(CultureInfo.InvariantCulture) + "@example.com"),
                Locale = Locale.Parse(i % 3 == 0 ? "en-GB" : "tr-TR"),
            })
            .Select(c => new VersionedWrite<Customer>(c, 0))
            .ToArray();
        var result = _customers.CommitAsync(new CustomerChangeSet { Customers = writes }).AsTask().GetAwaiter().GetResult();
        if (!result.IsCommitted)
        {
            throw new InvalidOperationException("The population did not commit: " + result.Outcome);
        }
    }

    [IterationSetup]
    public void FreshOutbox()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FixedClock(Now));
        services.AddSingleton(_customers);
        services.AddSingleton<IOutboundChannel>(new InMemoryOutboundChannel(OutboundChannelNames.Email));
        services.AddCustomerCare().AddNotifications();
        _provider = services.BuildServiceProvider();
    }

    [IterationCleanup]
    public void Dispose() => _provider.Dispose();

    [Benchmark]
    public async Task<long> NotifyEveryAffectedCustomer()
    {
        var notifier = _provider.GetRequiredService<BreachNotifier>();
        await notifier.RecordAsync(Breach, "bench");
        var run = await notifier.NotifyAsync("B-1");
        var queued = await _provider.GetRequiredService<IOutboxStore>().CountAsync(Notifications.OutboxStatus.Pending);
        return queued == Count && run.Queued == Count ? queued : throw new InvalidOperationException($"{run.Queued} notices queued for {Count} customers.");
    }

    // A benchmark's clock stands still so every run renders the same notices.
    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
