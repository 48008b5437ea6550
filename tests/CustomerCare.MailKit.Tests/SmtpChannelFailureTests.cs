using System.Net;
using System.Net.Sockets;
using CustomerCare.Channels;
using CustomerCare.MailKit.Tests.Support;
using CustomerCare.Notifications;
using CustomerCare.Storage.InMemory;

namespace CustomerCare.MailKit.Tests;

/// <summary>How refusals, unreachable servers, silent servers and cancellation come out of the channel.</summary>
public sealed class SmtpChannelFailureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task ARecipientRefusedWith550_IsAPermanentFailure_CarryingTheServersReply()
    {
        Skip.If(SmtpServerProcess.Python is null, "CUSTOMERCARE_TEST_AIOSMTPD_PYTHON is not set; run test.sh.");
        using var server = SmtpServerProcess.StartRefusing(Path.Combine(_folder.Path, "maildir"));
        using var channel = new SmtpChannel(TestChannels.Options("127.0.0.1", server.Port), TestChannels.Clock());

        var result = await channel.SendAsync(TestChannels.Text("refused-1", "kimse@reject.test"));

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.StartsWith("550 ", result.Error, StringComparison.Ordinal);
        Assert.Contains("mailbox unavailable", result.Error, StringComparison.Ordinal);
        Assert.Contains("kimse@reject.test", result.Error, StringComparison.Ordinal);
        Assert.Empty(Maildir.Read(server.Maildir));
    }

    [SkippableFact]
    public async Task ARecipientRefusedWith451_IsATransientFailure_AndTheNextMessageStillGoesThrough()
    {
        Skip.If(SmtpServerProcess.Python is null, "CUSTOMERCARE_TEST_AIOSMTPD_PYTHON is not set; run test.sh.");
        using var server = SmtpServerProcess.StartRefusing(Path.Combine(_folder.Path, "maildir"));
        using var channel = new SmtpChannel(TestChannels.Options("127.0.0.1", server.Port), TestChannels.Clock());

        var later = await channel.SendAsync(TestChannels.Text("later-1", "biri@later.test"));
        var next = await channel.SendAsync(TestChannels.Text("next-1"));

        Assert.Equal(SendStatus.TransientFailure, later.Status);
        Assert.StartsWith("451 ", later.Error, StringComparison.Ordinal);
        Assert.Equal(SendStatus.Sent, next.Status);
        Assert.Equal("next-1", Assert.Single(Maildir.Read(server.Maildir)).Headers["X-CustomerCare-Message-Id"]);
    }

    [SkippableFact]
    public async Task TheOutbox_RecordsARefusedRecipientAsFailed_WithTheServersReply_AndSendsTheRest()
    {
        Skip.If(SmtpServerProcess.Python is null, "CUSTOMERCARE_TEST_AIOSMTPD_PYTHON is not set; run test.sh.");
        using var server = SmtpServerProcess.StartRefusing(Path.Combine(_folder.Path, "maildir"));
        var clock = TestChannels.Clock();
        using var channel = new SmtpChannel(TestChannels.Options("127.0.0.1", server.Port), clock);
        var outbox = new InMemoryOutboxStore();
        foreach (var (id, to) in new[] { ("a", "ayse@example.com.tr"), ("b", "kimse@reject.test"), ("c", "can@example.com.tr") })
        {
            await outbox.EnqueueAsync(new OutboxMessage { Id = id, Channel = "email", Recipient = to, Subject = "Bilgi", Body = "Merhaba", EnqueuedAt = clock.GetCurrentInstant(), DueAt = clock.GetCurrentInstant() });
        }

        var round = await new OutboxDispatcher(outbox, [channel], new CustomerCare.Storage.InMemory.InMemoryConsentLedger(), clock, new OutboxOptions { DispatcherId = "d-1" }).DispatchDueAsync();

        Assert.Equal(new DispatchResult(3, 2, 0, 1, 0, 0), round);
        var refused = (await outbox.FindAsync("b"))!;
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.StartsWith("550 5.1.1 <kimse@reject.test>: Recipient address rejected: mailbox unavailable", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(["a", "c"], Maildir.Read(server.Maildir).Select(m => m.Headers["X-CustomerCare-Message-Id"]).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task CredentialsForAServerThatOffersNoAuthentication_AreATransientFailure_ThatSaysSo()
    {
        Skip.If(SharedSmtp.IsMissing, SharedSmtp.SkipReason);
        var options = TestChannels.Options(SharedSmtp.Host, SharedSmtp.Port);
        (options.UserName, options.Password) = ("care", "s3cret");
        using var channel = new SmtpChannel(options, TestChannels.Clock());

        var result = await channel.SendAsync(TestChannels.Text(TestChannels.UniqueId("auth")));

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Contains("cannot do what the options ask", result.Error, StringComparison.Ordinal);
        Assert.Contains("authentication", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s3cret", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task StartTlsRequired_ByAServerWithoutIt_IsATransientFailure()
    {
        Skip.If(SharedSmtp.IsMissing, SharedSmtp.SkipReason);
        var options = TestChannels.Options(SharedSmtp.Host, SharedSmtp.Port);
        options.SecureSocket = SmtpSecureSocket.StartTls;
        using var channel = new SmtpChannel(options, TestChannels.Clock());

        var result = await channel.SendAsync(TestChannels.Text(TestChannels.UniqueId("starttls")));

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Contains("STARTTLS", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARecipientThatIsNotAnAddress_IsAPermanentFailure_NamingTheField_WithoutAConnection()
    {
        // Nothing listens on the port, so a connection attempt would have been a transient failure.
        using var channel = new SmtpChannel(TestChannels.Options("127.0.0.1", SmtpServerProcess.FreePort()), TestChannels.Clock());

        var result = await channel.SendAsync(TestChannels.Text("bad-address", "ayse.yilmaz(at)example.com"));

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Equal("field 'recipient': value 'ayse.yilmaz(at)example.com' is not an e-mail address: it has no '@'", result.Error);
    }

    [Fact]
    public async Task AMediaTypeThatIsNotText_IsAPermanentFailure_NamingTheContentType()
    {
        using var channel = new SmtpChannel(TestChannels.Options("127.0.0.1", SmtpServerProcess.FreePort()), TestChannels.Clock());

        var result = await channel.SendAsync(TestChannels.Text("json") with { ContentType = "application/json" });

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Contains("field 'content_type': value 'application/json'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedConnection_IsATransientFailure_NamingTheServer()
    {
        var port = SmtpServerProcess.FreePort();
        using var channel = new SmtpChannel(TestChannels.Options("127.0.0.1", port), TestChannels.Clock());

        var result = await channel.SendAsync(TestChannels.Text("refused-connection"));

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Contains("cannot reach 127.0.0.1:" + port, result.Error, StringComparison.Ordinal);
        Assert.Contains("ConnectionRefused", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatNeverGreets_TimesOut_AsATransientFailure()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var options = TestChannels.Options("127.0.0.1", ((IPEndPoint)silent.LocalEndpoint).Port);
        options.ConnectTimeout = TimeSpan.FromMilliseconds(300);
        using var channel = new SmtpChannel(options, TestChannels.Clock());

        var result = await channel.SendAsync(TestChannels.Text("silent"));

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
        Assert.Contains("ConnectTimeout of 00:00:00.3000000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingWhileTheServerIsSilent_ThrowsInsteadOfReportingAFailure()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var options = TestChannels.Options("127.0.0.1", ((IPEndPoint)silent.LocalEndpoint).Port);
        options.ConnectTimeout = SmtpChannelOptions.MaxTimeout;
        options.CommandTimeout = SmtpChannelOptions.MaxTimeout;
        using var channel = new SmtpChannel(options, TestChannels.Clock());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await channel.SendAsync(TestChannels.Text("cancelled"), cancellation.Token));
    }

    [Fact]
    public async Task AnAlreadyCancelledToken_Throws()
    {
        using var channel = new SmtpChannel(TestChannels.Options("127.0.0.1", SmtpServerProcess.FreePort()), TestChannels.Clock());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await channel.SendAsync(TestChannels.Text("cancelled"), new CancellationToken(canceled: true)));
    }
}
