using System.Globalization;
using System.Text.Json;
using Contoso.CustomerCare.Chat;
using Contoso.CustomerCare.Tests.Support;
using CustomerCare;
using CustomerCare.Channels;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.CustomerCare.Tests.Chat;

/// <summary>The chat channel against a real webhook server on loopback: what it posts, and that it posts once per id.</summary>
public sealed class ChatChannelTests
{
    [Fact]
    public async Task Send_UnderTurkishCulture_PostsSubjectBodyAndChannelAsUtf8Json()
    {
        await using var server = await ChatServer.StartAsync((200, null));
        await using var provider = Provider(server.WebhookUrl);
        var channel = provider.GetRequiredService<ChatChannel>();
        var message = new OutboundMessage("msg-1", "chat", "destek-ekibi", "Sayın Işıl Yılmaz, iadeniz onaylandı.") { Subject = "İade #TR-1001" };

        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
        SendResult result;
        try
        {
            result = await channel.SendAsync(message);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal(SendStatus.Sent, result.Status);
        var post = Assert.Single(server.Posts);
        Assert.Equal("/hooks/xoxo-test", post.Path);
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        Assert.Equal("msg-1", post.IdempotencyKey);
        using var json = JsonDocument.Parse(post.Body);
        Assert.Equal(["text", "channel"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("*İade #TR-1001*\nSayın Işıl Yılmaz, iadeniz onaylandı.", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("destek-ekibi", json.RootElement.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Send_NoSubjectAndNoRecipient_PostsTheBodyAloneToTheWebhooksOwnChannel()
    {
        await using var server = await ChatServer.StartAsync((204, null));
        await using var provider = Provider(server.WebhookUrl);

        var result = await provider.GetRequiredService<ChatChannel>().SendAsync(new OutboundMessage("msg-2", "chat", "", "Kargonuz yolda."));

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal("{\"text\":\"Kargonuz yolda.\"}", Assert.Single(server.Posts).Body);
    }

    [Fact]
    public async Task Send_MessageIdOutsideAscii_IsPostedWithoutTheIdempotencyHeader()
    {
        await using var server = await ChatServer.StartAsync((200, null));
        await using var provider = Provider(server.WebhookUrl);
        var channel = provider.GetRequiredService<ChatChannel>();
        var message = new OutboundMessage("şikâyet-İ-1", "chat", "destek", "Merhaba");

        var first = await channel.SendAsync(message);
        var second = await channel.SendAsync(message);

        Assert.Equal(SendStatus.Sent, first.Status);
        Assert.Equal(SendStatus.Sent, second.Status);
        Assert.Equal("", Assert.Single(server.Posts).IdempotencyKey);
    }

    [Fact]
    public async Task Send_SameMessageIdTwice_PostsOnceAndReportsSentBothTimes()
    {
        await using var server = await ChatServer.StartAsync((200, null));
        await using var provider = Provider(server.WebhookUrl);
        var channel = provider.GetRequiredService<ChatChannel>();
        var message = new OutboundMessage("msg-3", "chat", "destek", "Merhaba");

        var first = await channel.SendAsync(message);
        var second = await channel.SendAsync(message);

        Assert.Equal(SendStatus.Sent, first.Status);
        Assert.Equal(SendStatus.Sent, second.Status);
        Assert.Single(server.Posts);
    }

    [Fact]
    public async Task Send_FailedThenRetried_PostsAgain()
    {
        await using var server = await ChatServer.StartAsync((503, null), (200, null));
        await using var provider = Provider(server.WebhookUrl);
        var channel = provider.GetRequiredService<ChatChannel>();
        var message = new OutboundMessage("msg-4", "chat", "destek", "Merhaba");

        var first = await channel.SendAsync(message);
        var second = await channel.SendAsync(message);

        Assert.Equal(SendStatus.TransientFailure, first.Status);
        Assert.Equal(SendStatus.Sent, second.Status);
        Assert.Equal(2, server.Posts.Count);
    }

    [Fact]
    public async Task UseChatChannel_CalledTwice_RegistersOneChannelThatExposesItsOptions()
    {
        var services = new ServiceCollection();
        services.AddSingleton<NodaTime.IClock>(TestClocks.AtUtc(2026, 11, 22, 9));
        services.AddCustomerCare()
            .UseChatChannel(o => o.WebhookUrl = new Uri("https://chat.example.com/hooks/a"))
            .UseChatChannel(o => o.ChannelName = "mattermost");
        await using var provider = services.BuildServiceProvider();

        var channel = Assert.Single(provider.GetServices<IOutboundChannel>());

        Assert.Equal("mattermost", channel.Name);
        Assert.Same(provider.GetRequiredService<ChatChannel>(), channel);
        Assert.Equal(new Uri("https://chat.example.com/hooks/a"), Assert.IsType<ChatChannelOptions>(channel.GetService(typeof(ChatChannelOptions))).WebhookUrl);
        Assert.Null(channel.GetService(typeof(ChatChannelOptions), "some-key"));
        Assert.IsType<HttpClient>(channel.GetService(typeof(HttpClient)));
    }

    internal static ServiceProvider Provider(Uri webhookUrl, TimeSpan? timeout = null, NodaTime.IClock? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TestClocks.AtUtc(2026, 11, 22, 9));
        services.AddCustomerCare().UseChatChannel(o =>
        {
            o.WebhookUrl = webhookUrl;
            o.Timeout = timeout ?? TimeSpan.FromSeconds(10);
        });
        return services.BuildServiceProvider();
    }
}
