using CustomerCare.Feedback;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

public sealed class RegistrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("customercare-sqlite-di-").FullName;

    public static TheoryData<Type, Type> Contracts { get; } = new()
    {
        { typeof(ICustomerStore), typeof(SqliteCustomerStore) },
        { typeof(IProcessedEventLedger), typeof(SqliteCustomerStore) },
        { typeof(ISegmentMembershipStore), typeof(SqliteSegmentMembershipStore) },
        { typeof(IPriceHistoryStore), typeof(SqlitePriceHistoryStore) },
        { typeof(ICouponStore), typeof(SqliteCouponStore) },
        { typeof(ICampaignLedger), typeof(SqliteCouponStore) },
        { typeof(IComplaintStore), typeof(SqliteComplaintStore) },
        { typeof(ICompensationLedger), typeof(SqliteCompensationLedger) },
        { typeof(ISurveyStore), typeof(SqliteSurveyStore) },
        { typeof(IReviewStore), typeof(SqliteReviewStore) },
        { typeof(IOutboxStore), typeof(SqliteOutboxStore) },
        { typeof(IJobLeaseStore), typeof(SqliteJobLeaseStore) },
        { typeof(IConsentLedger), typeof(SqliteConsentLedger) },
        { typeof(IAuditLog), typeof(SqliteAuditLog) },
        { typeof(IBreachRegister), typeof(SqliteBreachRegister) },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void UseSqlite_ReplacesTheInMemoryStore_OfEveryContract(Type contract, Type expected)
    {
        using var provider = Provider(builder => builder.UseSqlite(DatabasePath()).AddSurveys().AddReviewHealth());

        Assert.IsType(expected, provider.GetRequiredService(contract));
    }

    [Fact]
    public void UseSqlite_EveryContractIsCoveredByTheRegistrationTest()
    {
        // IPersonalDataHolder is not one service: the exporter and eraser find it on every store (see the test below).
        var covered = Contracts.Select(row => (Type)row[0]).Append(typeof(IPersonalDataHolder)).ToHashSet();

        Assert.Empty(ConformanceCoverage.Contracts.Where(c => !covered.Contains(c)).Select(c => c.Name));
    }

    [Fact]
    public void UseSqlite_EveryStoreHoldingCustomerData_TakesPartInExportAndErasure()
    {
        using var provider = Provider(builder => builder.UseSqlite(DatabasePath()).AddSurveys().AddReviewHealth());

        var holders = provider.GetRequiredService<CustomerCare.Privacy.Erasure.CustomerEraser>().Holders;

        Assert.Equal(
            [typeof(SqliteComplaintStore), typeof(SqliteSurveyStore), typeof(SqliteReviewStore), typeof(SqliteOutboxStore), typeof(SqliteCouponStore), typeof(SqliteCompensationLedger), typeof(SqliteSegmentMembershipStore), typeof(SqliteConsentLedger), typeof(SqliteCustomerStore)],
            holders.Select(h => h.GetType()));
    }

    [Fact]
    public async Task UseSqlite_SharedStores_AreOneInstanceOverOneFile()
    {
        var path = DatabasePath();
        await using var provider = Provider(builder => builder.UseSqlite(path));

        Assert.Same(provider.GetRequiredService<ICustomerStore>(), provider.GetRequiredService<IProcessedEventLedger>());
        Assert.Same(provider.GetRequiredService<ICouponStore>(), provider.GetRequiredService<ICampaignLedger>());
        Assert.Equal(Path.GetFullPath(path), provider.GetRequiredService<SqliteDatabase>().FilePath);
        Assert.Equal(0, await provider.GetRequiredService<IOutboxStore>().CountAsync(Notifications.OutboxStatus.Pending));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void UseSqlite_FromConfiguration_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sqlite:Path"] = DatabasePath(),
            ["Sqlite:BusyTimeout"] = "00:00:02",
            ["Sqlite:Synchronous"] = "Full",
            ["Sqlite:AutoMigrate"] = "false",
            ["Sqlite:BatchSize"] = "250",
            ["Sqlite:MaxRetries"] = "3",
        }).Build();
        using var provider = Provider(builder => builder.UseSqlite(configuration.GetSection("Sqlite")));

        var options = provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(2), SqliteSynchronousMode.Full, false, 250, 3), (options.BusyTimeout, options.Synchronous, options.AutoMigrate, options.BatchSize, options.MaxRetries));
    }

    [Fact]
    public void UseSqlite_InvalidOptions_FailNamingTheOptionAndTheValue()
    {
        using var provider = Provider(builder => builder.UseSqlite(o =>
        {
            o.Path = DatabasePath();
            o.BatchSize = 0;
            o.BusyTimeout = TimeSpan.FromSeconds(-1);
        }));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<SqliteDatabase>());

        Assert.Contains("SqliteStoreOptions.BatchSize 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("SqliteStoreOptions.BusyTimeout -00:00:01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseSqlite_NeitherPathNorConnectionString_IsRefusedNamingThePathOption()
    {
        using var provider = Provider(builder => builder.UseSqlite(_ => { }));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICustomerStore>());

        Assert.Contains("SqliteStoreOptions.Path is required", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string DatabasePath() => Path.Combine(_directory, "care.db");

    private static ServiceProvider Provider(Action<ICustomerCareBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(TestClocks.AtUtc(2026, 11, 22, 9));
        configure(services.AddCustomerCare());
        return services.BuildServiceProvider();
    }
}
