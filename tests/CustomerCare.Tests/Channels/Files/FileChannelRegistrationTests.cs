using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using CustomerCare.Notifications;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Channels.Files;

public sealed class FileChannelRegistrationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task UseFileChannels_ServesEmailSmsAndPush_ToTheOutboxDispatcher()
    {
        var clock = new FakeClock(Instant.FromUtc(2027, 3, 1, 9, 30));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddCustomerCare().UseFileChannels(_folder.Path);
        await using var provider = services.BuildServiceProvider();
        var outbox = provider.GetRequiredService<IOutboxStore>();
        foreach (var (id, channel, to) in new[] { ("ack/1/email", "email", "ayse@example.com"), ("ack/1/sms", "sms", "+905551112233"), ("ack/1/push", "push", "device-7") })
        {
            await outbox.EnqueueAsync(new OutboxMessage { Id = id, Channel = channel, Recipient = to, Subject = "Alındı", Body = "Şikâyetiniz alındı.", EnqueuedAt = clock.GetCurrentInstant(), DueAt = clock.GetCurrentInstant() });
        }

        var round = await provider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        Assert.Equal(new DispatchResult(3, 3, 0, 0, 0, 0), round);
        Assert.Equal(["email", "sms", "push"], provider.GetServices<IOutboundChannel>().Select(c => c.Name));
        Assert.Single(Directory.GetFiles(Path.Combine(_folder.Path, "email"), "*.eml"));
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(_folder.Path, "sms.log")));
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(_folder.Path, "push.log")));
    }

    [Fact]
    public void UseFileChannels_WithoutEmail_LeavesItToAnotherChannel()
    {
        var services = new ServiceCollection();

        services.AddCustomerCare().UseFileChannels(o =>
        {
            o.Folder = _folder.Path;
            o.Channels.Remove("email");
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["sms", "push"], provider.GetServices<IOutboundChannel>().Select(c => c.Name));
        Assert.All(provider.GetServices<IOutboundChannel>(), c => Assert.Equal(FileChannelFormat.Log, ((FileChannel)c).Format));
    }

    [Fact]
    public void BadSettings_AreRefusedAtRegistration_NamingEachSettingAndValue()
    {
        var builder = new ServiceCollection().AddCustomerCare();

        var refused = Assert.Throws<FieldValidationException>(() => builder.UseFileChannels(o =>
        {
            o.Folder = " ";
            o.From = "care";
            o.FromName = "Care\r\nBcc: x";
            o.MessageIdDomain = "a..b";
            o.Channels.Add("../evil");
        }));
        var twice = Assert.Throws<FieldValidationException>(() => builder.UseFileChannels(o =>
        {
            o.Folder = _folder.Path;
            o.Channels.Add("sms");
        }));

        Assert.Equal(["Folder", "From", "FromName", "MessageIdDomain", "name"], refused.Errors.Select(e => e.Field));
        Assert.Equal("field 'name': value '../evil' names a file, so it may hold only ASCII letters, digits, '-', '_' and '.', and not start with '.'", refused.Errors[4].Message);
        Assert.Equal("field 'Channels': value 'sms' is given twice; each channel name may be registered once", twice.Errors[0].Message);
    }
}
