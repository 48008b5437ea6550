using Contoso.CustomerCare.Chat;
using CustomerCare;
using CustomerCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contoso.CustomerCare.Tests.Chat;

/// <summary>Bad options fail when the host starts, and each message names the option and its value.</summary>
public sealed class ChatChannelOptionsTests
{
    [Fact]
    public void Start_BadOptionsFromConfiguration_FailsNamingEachOptionAndValue()
    {
        var error = Assert.Throws<OptionsValidationException>(() => StartWith(new Dictionary<string, string?>
        {
            ["CustomerCare:Chat:WebhookUrl"] = "http://chat.example.com/hooks/abc",
            ["CustomerCare:Chat:ChannelName"] = "Chat İ",
            ["CustomerCare:Chat:Timeout"] = "00:05:00",
        }));

        Assert.Equal(
            [
                "field 'Chat.WebhookUrl': value 'http://chat.example.com/hooks/abc' must use https (http is accepted for loopback hosts only)",
                "field 'Chat.ChannelName': value 'Chat İ' must be 1 to 64 lower-case ASCII letters, digits, '-', '_' or '.'",
                "field 'Chat.Timeout': value '00:05:00' must be positive and at most 00:02:00",
            ],
            error.Failures);
    }

    [Fact]
    public void Start_NoWebhookUrl_FailsSayingItIsRequired()
    {
        var error = Assert.Throws<OptionsValidationException>(() => StartWith(new Dictionary<string, string?> { ["CustomerCare:Chat:ChannelName"] = "chat" }));

        Assert.Equal("field 'Chat.WebhookUrl': value (missing) is required: the incoming-webhook URL of the chat server", Assert.Single(error.Failures));
    }

    [Fact]
    public void Start_GoodOptionsFromConfiguration_BindsThem()
    {
        using var provider = StartWith(new Dictionary<string, string?>
        {
            ["CustomerCare:Chat:WebhookUrl"] = "https://chat.example.com.tr/hooks/abc",
            ["CustomerCare:Chat:ChannelName"] = "mattermost",
            ["CustomerCare:Chat:Timeout"] = "00:00:05",
        });

        var options = provider.GetRequiredService<IOptions<ChatChannelOptions>>().Value;
        Assert.Equal(new Uri("https://chat.example.com.tr/hooks/abc"), options.WebhookUrl);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal("mattermost", provider.GetRequiredService<ChatChannel>().Name);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8065/hooks/a")]
    [InlineData("http://localhost/hooks/a")]
    [InlineData("https://chat.example.com/hooks/a")]
    public void Check_HttpsOrLoopbackHttp_IsAccepted(string url) =>
        Assert.Empty(ChatChannelOptionsValidator.Check(new ChatChannelOptions { WebhookUrl = new Uri(url) }));

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithTheFieldErrors()
    {
        using var client = new HttpClient();
        var options = new ChatChannelOptions { WebhookUrl = new Uri("/hooks/relative", UriKind.Relative), Timeout = TimeSpan.Zero };

        var error = Assert.Throws<FieldValidationException>(() => new ChatChannel(client, options, TestClocks.AtUtc(2026, 11, 22)));

        Assert.Equal(["WebhookUrl", "Timeout"], error.Errors.Select(e => e.Field));
        Assert.Equal("field 'WebhookUrl': value '/hooks/relative' is not an absolute URL", error.Errors[0].Message);
    }

    private static ServiceProvider StartWith(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<NodaTime.IClock>(TestClocks.AtUtc(2026, 11, 22, 9));
        services.AddCustomerCare().UseChatChannel(configuration.GetSection("CustomerCare:Chat"));
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
