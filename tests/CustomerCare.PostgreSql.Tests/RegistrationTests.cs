using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCare.PostgreSql.Tests;

public sealed class RegistrationTests
{
    public static TheoryData<Type, Type> Contracts { get; } = new()
    {
        { typeof(ICustomerStore), typeof(PostgreSqlCustomerStore) },
        { typeof(IProcessedEventLedger), typeof(PostgreSqlCustomerStore) },
        { typeof(ISegmentMembershipStore), typeof(PostgreSqlSegmentMembershipStore) },
        { typeof(IPriceHistoryStore), typeof(PostgreSqlPriceHistoryStore) },
        { typeof(ICouponStore), typeof(PostgreSqlCouponStore) },
        { typeof(ICampaignLedger), typeof(PostgreSqlCouponStore) },
        { typeof(IComplaintStore), typeof(PostgreSqlComplaintStore) },
        { typeof(ICompensationLedger), typeof(PostgreSqlCompensationLedger) },
        { typeof(ISurveyStore), typeof(PostgreSqlSurveyStore) },
        { typeof(IReviewStore), typeof(PostgreSqlReviewStore) },
        { typeof(IOutboxStore), typeof(PostgreSqlOutboxStore) },
        { typeof(IJobLeaseStore), typeof(PostgreSqlJobLeaseStore) },
        { typeof(IConsentLedger), typeof(PostgreSqlConsentLedger) },
        { typeof(IAuditLog), typeof(PostgreSqlAuditLog) },
        { typeof(IBreachRegister), typeof(PostgreSqlBreachRegister) },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void UsePostgreSql_ReplacesTheInMemoryStore_ForEveryContract(Type contract, Type expected)
    {
        var services = new ServiceCollection();
        services.AddCustomerCare().AddSurveys().AddReviewHealth().UsePostgreSql("Host=127.0.0.1;Database=care;Username=care");
        using var provider = services.BuildServiceProvider();

        Assert.IsType(expected, provider.GetRequiredService(contract));
        Assert.Single(services, d => d.ServiceType == contract);
    }

    [Fact]
    public void UsePostgreSql_EveryStorageContractOfTheLibrary_IsRegistered()
    {
        // IPersonalDataHolder is not one service: the exporter and eraser find it on every store (see the test below).
        var registered = Contracts.Select(row => (Type)row[0]).Append(typeof(IPersonalDataHolder)).ToHashSet();

        Assert.All(Testing.ConformanceCoverage.Contracts, contract => Assert.Contains(contract, registered));
    }

    [Fact]
    public void UsePostgreSql_EveryStoreHoldingCustomerData_TakesPartInExportAndErasure()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare().AddSurveys().AddReviewHealth().UsePostgreSql("Host=127.0.0.1;Database=care;Username=care");
        using var provider = services.BuildServiceProvider();

        var holders = provider.GetRequiredService<CustomerCare.Privacy.Erasure.CustomerEraser>().Holders;

        Assert.Equal(
            [typeof(PostgreSqlComplaintStore), typeof(PostgreSqlSurveyStore), typeof(PostgreSqlReviewStore), typeof(PostgreSqlOutboxStore), typeof(PostgreSqlCouponStore), typeof(PostgreSqlCompensationLedger), typeof(PostgreSqlSegmentMembershipStore), typeof(PostgreSqlConsentLedger), typeof(PostgreSqlCustomerStore)],
            holders.Select(h => h.GetType()));
    }

    [Fact]
    public void UsePostgreSql_OneDatabaseServesEveryStore()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare().UsePostgreSql("Host=127.0.0.1;Database=care;Username=care");
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<ICouponStore>(), provider.GetRequiredService<ICampaignLedger>());
        Assert.Same(provider.GetRequiredService<ICustomerStore>(), provider.GetRequiredService<IProcessedEventLedger>());
        Assert.Single(services, d => d.ServiceType == typeof(PostgreSqlDatabase));
    }

    [Fact]
    public void UsePostgreSql_FromConfiguration_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionString"] = "Host=db;Database=care;Username=care",
            ["Schema"] = "care_eu",
            ["AutoMigrate"] = "false",
            ["LockTimeout"] = "00:00:02",
            ["CommandTimeout"] = "00:01:00",
            ["MaxAttempts"] = "3",
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerCare().UsePostgreSql(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;

        Assert.Equal(("care_eu", false, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), 3), (options.Schema, options.AutoMigrate, options.LockTimeout, options.CommandTimeout, options.MaxAttempts));
        Assert.Equal("care_eu", provider.GetRequiredService<PostgreSqlDatabase>().Schema);
    }

    [Theory]
    [InlineData("Schema", "Care; DROP TABLE x", "option 'PostgreSql:Schema': value 'Care; DROP TABLE x'")]
    [InlineData("ConnectionString", "", "option 'PostgreSql:ConnectionString' is required")]
    [InlineData("LockTimeout", "00:00:00", "option 'PostgreSql:LockTimeout': value '00:00:00'")]
    [InlineData("MaxAttempts", "0", "option 'PostgreSql:MaxAttempts': value '0'")]
    public void UsePostgreSql_InvalidOption_IsRefusedOnStartNamingTheOptionAndValue(string option, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionString"] = "Host=db;Database=care;Username=care", [option] = value };
        var services = new ServiceCollection();
        services.AddCustomerCare().UsePostgreSql(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_TheTestAssemblyRunsTheKitSuiteOfEveryContractOfEveryStore()
    {
        Type[] stores =
        [
            typeof(PostgreSqlCustomerStore), typeof(PostgreSqlSegmentMembershipStore), typeof(PostgreSqlPriceHistoryStore), typeof(PostgreSqlCouponStore),
            typeof(PostgreSqlComplaintStore), typeof(PostgreSqlCompensationLedger), typeof(PostgreSqlSurveyStore), typeof(PostgreSqlReviewStore), typeof(PostgreSqlOutboxStore),
            typeof(PostgreSqlJobLeaseStore), typeof(PostgreSqlConsentLedger), typeof(PostgreSqlAuditLog), typeof(PostgreSqlBreachRegister),
        ];
        foreach (var store in stores)
        {
            Testing.ConformanceCoverage.AssertImplemented(typeof(RegistrationTests).Assembly, Testing.ConformanceCoverage.ContractsOf(store).ToArray());
        }
    }
}
