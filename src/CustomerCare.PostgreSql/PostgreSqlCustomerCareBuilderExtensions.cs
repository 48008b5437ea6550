using CustomerCare.PostgreSql;
using CustomerCare.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerCare;

/// <summary>Registers the PostgreSQL stores in place of the in-memory ones.</summary>
public static class PostgreSqlCustomerCareBuilderExtensions
{
    /// <summary>Stores everything in PostgreSQL, in the default schema <c>customercare</c>.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ICustomerCareBuilder UsePostgreSql(this ICustomerCareBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return builder.UsePostgreSql(options => options.ConnectionString = connectionString);
    }

    /// <summary>Stores everything in PostgreSQL with options bound from configuration, such as the <c>CustomerCare:PostgreSql</c> section.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="configuration">The section: <c>ConnectionString</c>, <c>Schema</c>, <c>AutoMigrate</c>, <c>LockTimeout</c>, …</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ICustomerCareBuilder UsePostgreSql(this ICustomerCareBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        builder.UsePostgreSql(_ => { });
        builder.Services.Configure<PostgreSqlStoreOptions>(configuration);
        return builder;
    }

    /// <summary>
    /// Stores everything in PostgreSQL: replaces every in-memory store registered by <c>AddCustomerCare</c> (customers and
    /// the event ledger, segment membership, price history, coupons and the campaign ledger, complaints, compensation,
    /// surveys, reviews, the outbox) with its PostgreSQL store, all over one <see cref="PostgreSqlDatabase"/> singleton.
    /// </summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="configure">Sets the options; they are validated when the host starts.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Call it after <c>AddSurveys</c> and <c>AddReviewHealth</c> as well as before: it replaces their stores either way.</remarks>
    public static ICustomerCareBuilder UsePostgreSql(this ICustomerCareBuilder builder, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.Configure(configure);
        services.AddOptions<PostgreSqlStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
        services.RemoveAll<PostgreSqlDatabase>();
        services.AddSingleton(sp => new PostgreSqlDatabase(sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        builder.UseCustomerStore(sp => new PostgreSqlCustomerStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        Replace<ISegmentMembershipStore>(services, sp => new PostgreSqlSegmentMembershipStore(Database(sp)));
        Replace<IPriceHistoryStore>(services, sp => new PostgreSqlPriceHistoryStore(Database(sp)));
        services.RemoveAll<PostgreSqlCouponStore>();
        services.AddSingleton(sp => new PostgreSqlCouponStore(Database(sp)));
        Replace<ICouponStore>(services, sp => sp.GetRequiredService<PostgreSqlCouponStore>());
        Replace<ICampaignLedger>(services, sp => sp.GetRequiredService<PostgreSqlCouponStore>());
        Replace<IComplaintStore>(services, sp => new PostgreSqlComplaintStore(Database(sp)));
        Replace<ICompensationLedger>(services, sp => new PostgreSqlCompensationLedger(Database(sp)));
        Replace<IAuditLog>(services, sp => new PostgreSqlAuditLog(Database(sp)));
        Replace<IBreachRegister>(services, sp => new PostgreSqlBreachRegister(Database(sp)));
        Replace<ISurveyStore>(services, sp => new PostgreSqlSurveyStore(Database(sp)));
        Replace<IReviewStore>(services, sp => new PostgreSqlReviewStore(Database(sp)));
        Replace<IOutboxStore>(services, sp => new PostgreSqlOutboxStore(Database(sp)));
        Replace<IJobLeaseStore>(services, sp => new PostgreSqlJobLeaseStore(Database(sp)));
        Replace<IConsentLedger>(services, sp => new PostgreSqlConsentLedger(Database(sp)));
        return builder;
    }

    private static PostgreSqlDatabase Database(IServiceProvider services) => services.GetRequiredService<PostgreSqlDatabase>();

    private static void Replace<TContract>(IServiceCollection services, Func<IServiceProvider, TContract> factory)
        where TContract : class
    {
        services.RemoveAll<TContract>();
        services.AddSingleton(factory);
    }
}
