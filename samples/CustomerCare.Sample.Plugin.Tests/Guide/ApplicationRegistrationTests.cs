using Contoso.CustomerCare.Chat;
using Contoso.CustomerCare.PriceHistory;
using CustomerCare;
using CustomerCare.Channels;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Contoso.CustomerCare.Tests.Guide;

/// <summary>What an application writes to use the plugin, as the guide shows it.</summary>
public sealed class ApplicationRegistrationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("contoso-app-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task AnApplication_RegistersTheChannelAndTheStoreFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerCare:Chat:WebhookUrl"] = "https://chat.example.com/hooks/abc",
            ["CustomerCare:PriceHistory:Path"] = Path.Combine(_folder.FullName, "prices.jsonl"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(TestClocks.AtUtc(2026, 11, 22, 9));

        services.AddCustomerCare()
            .UseChatChannel(configuration.GetSection("CustomerCare:Chat"))
            .UseJsonLinesPriceHistoryStore(configuration.GetSection("CustomerCare:PriceHistory"));

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<ChatChannel>(Assert.Single(provider.GetServices<IOutboundChannel>()));
        Assert.IsType<JsonLinesPriceHistoryStore>(provider.GetRequiredService<IPriceHistoryStore>());
    }
}
