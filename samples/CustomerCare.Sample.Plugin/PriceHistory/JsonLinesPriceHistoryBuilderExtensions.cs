using Contoso.CustomerCare.PriceHistory;
using CustomerCare.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerCare;

/// <summary>Registers the <see cref="JsonLinesPriceHistoryStore"/> in place of the in-memory default.</summary>
public static class JsonLinesPriceHistoryBuilderExtensions
{
    /// <summary>Keeps the price history in a JSON-lines file.</summary>
    /// <param name="builder">The builder that <c>AddCustomerCare</c> returned.</param>
    /// <param name="path">The file, created with its folder when missing.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Replaces any <see cref="IPriceHistoryStore"/> registered before; the path is validated when the host starts.</remarks>
    public static ICustomerCareBuilder UseJsonLinesPriceHistoryStore(this ICustomerCareBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return builder.UseJsonLinesPriceHistoryStore(options => options.Path = path);
    }

    /// <summary>Keeps the price history in a JSON-lines file, with options set in code.</summary>
    /// <param name="builder">The builder that <c>AddCustomerCare</c> returned.</param>
    /// <param name="configure">Sets the path.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Replaces any <see cref="IPriceHistoryStore"/> registered before; the path is validated when the host starts.</remarks>
    public static ICustomerCareBuilder UseJsonLinesPriceHistoryStore(this ICustomerCareBuilder builder, Action<JsonLinesPriceHistoryStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return AddStore(builder);
    }

    /// <summary>Keeps the price history in a JSON-lines file, with options bound from configuration.</summary>
    /// <param name="builder">The builder that <c>AddCustomerCare</c> returned.</param>
    /// <param name="configuration">The section, such as <c>CustomerCare:PriceHistory</c>: <c>Path</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Replaces any <see cref="IPriceHistoryStore"/> registered before; the path is validated when the host starts.</remarks>
    public static ICustomerCareBuilder UseJsonLinesPriceHistoryStore(this ICustomerCareBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<JsonLinesPriceHistoryStoreOptions>(configuration);
        return AddStore(builder);
    }

    private static ICustomerCareBuilder AddStore(ICustomerCareBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JsonLinesPriceHistoryStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JsonLinesPriceHistoryStoreOptions>, JsonLinesPriceHistoryStoreOptionsValidator>());
        services.TryAddSingleton(sp => new JsonLinesPriceHistoryStore(sp.GetRequiredService<IOptions<JsonLinesPriceHistoryStoreOptions>>().Value.Path));

        // AddCustomerCare registered the in-memory default with TryAdd, so calling it again later cannot bring that back.
        services.Replace(ServiceDescriptor.Singleton<IPriceHistoryStore>(sp => sp.GetRequiredService<JsonLinesPriceHistoryStore>()));
        return builder;
    }
}
