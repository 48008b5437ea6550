using MimeKit;

namespace CustomerCare.MailKit.Tests.Support;

/// <summary>Reads what an aiosmtpd <c>Mailbox</c> handler delivered: the messages in a Maildir's <c>new/</c>.</summary>
internal static class Maildir
{
    public static IReadOnlyList<MimeMessage> Read(string maildir)
    {
        var folder = Path.Combine(maildir, "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))] : [];
    }

    /// <summary>The one delivered message with this outbox id (its <c>X-CustomerCare-Message-Id</c>).</summary>
    public static MimeMessage Single(string maildir, string outboxId) =>
        Assert.Single(Read(maildir), m => m.Headers["X-CustomerCare-Message-Id"] == outboxId);

    /// <summary>A body as the test wrote it: LF line ends, without the line end the transport adds at the end.</summary>
    public static string Lines(string? body)
    {
        Assert.NotNull(body);
        return body.ReplaceLineEndings("\n").TrimEnd('\n');
    }
}
