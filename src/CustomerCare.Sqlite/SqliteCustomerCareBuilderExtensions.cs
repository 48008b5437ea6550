using CustomerCare.Sqlite;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>Puts every CustomerCare store on one SQLite file.</summary>
public static class SqliteCustomerCareBuilderExtensions
{
    /// <summary>Stores everything in the SQLite file at <paramref name="path"/>, created and migrated on first use.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="path">The database file, such as <c>customercare.db</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    public static ICustomerCareBuilder UseSqlite(this ICustomerCareBuilder builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.UseSqlite(options => options.Path = path);
    }

    /// <summary>Stores everything in SQLite, with options set in code.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteStoreOptions.Path"/> at least.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>The options are validated on start (and when the database is first resolved); a failure names the option and its value.</remarks>
    public static ICustomerCareBuilder UseSqlite(this ICustomerCareBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return Register(builder);
    }

    /// <summary>Stores everything in SQLite, with options bound from configuration, such as the <c>CustomerCare:Sqlite</c> section.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="configuration">The section: <c>Path</c>, <c>BusyTimeout</c> (<c>00:00:05</c>), <c>Synchronous</c> (<c>Normal</c>), <c>AutoMigrate</c>, …</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ICustomerCareBuilder UseSqlite(this ICustomerCareBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<SqliteStoreOptions>(configuration);
        return Register(builder);
    }

    private static ICustomerCareBuilder Register(ICustomerCareBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SqliteStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.RemoveAll<SqliteDatabase>();
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetRequiredService<IClock>()));
        services.TryAddSingleton<SqliteMigrator>();

        builder.UseCustomerStore<SqliteCustomerStore>();
        Replace<ISegmentMembershipStore, SqliteSegmentMembershipStore>(services);
        Replace<IPriceHistoryStore, SqlitePriceHistoryStore>(services);
        Replace<IComplaintStore, SqliteComplaintStore>(services);
        Replace<ICompensationLedger, SqliteCompensationLedger>(services);
        Replace<IAuditLog, SqliteAuditLog>(services);
        Replace<IBreachRegister, SqliteBreachRegister>(services);
        Replace<ISurveyStore, SqliteSurveyStore>(services);
        Replace<IReviewStore, SqliteReviewStore>(services);
        Replace<IOutboxStore, SqliteOutboxStore>(services);
        Replace<IJobLeaseStore, SqliteJobLeaseStore>(services);
        Replace<IConsentLedger, SqliteConsentLedger>(services);
        Replace<CustomerCare.Storage.Batching.IWriteBatcher, SqliteWriteBatcher>(services);
        services.RemoveAll<SqliteCouponStore>();
        services.AddSingleton<SqliteCouponStore>();
        services.RemoveAll<ICouponStore>();
        services.AddSingleton<ICouponStore>(sp => sp.GetRequiredService<SqliteCouponStore>());
        services.RemoveAll<ICampaignLedger>();
        services.AddSingleton<ICampaignLedger>(sp => sp.GetRequiredService<SqliteCouponStore>());
        return builder;
    }

    private static void Replace<TContract, TStore>(IServiceCollection services)
        where TContract : class
        where TStore : class, TContract
    {
        services.RemoveAll<TStore>();
        services.AddSingleton<TStore>();
        services.RemoveAll<TContract>();
        services.AddSingleton<TContract>(sp => sp.GetRequiredService<TStore>());
    }
}
