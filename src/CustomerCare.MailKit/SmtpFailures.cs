using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Sockets;
using CustomerCare.Channels;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CustomerCare.MailKit;

/// <summary>Reads what went wrong in an SMTP exchange as a transient or a permanent failure.</summary>
internal static class SmtpFailures
{
    /// <summary>Classifies a failure; <see langword="false"/> for what must propagate: cancellation, and programmer errors.</summary>
    public static bool TryClassify(Exception failure, string server, CancellationToken cancellationToken, [NotNullWhen(true)] out SendResult? result)
    {
        result = failure switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            SmtpCommandException { StatusCode: var code } refused when (int)code is >= 500 and < 600 => SendResult.Permanent(Reply(refused)),
            SmtpCommandException refused => SendResult.Transient(Reply(refused)),
            // Authentication and TLS failures are the channel's configuration, not the message's; a retry after the fix succeeds.
            AuthenticationException => SendResult.Transient($"{server} refused the credentials: {failure.Message}"),
            // MailKit says NotSupported when the server offers no AUTH (or no STARTTLS) that the options ask for.
            NotSupportedException => SendResult.Transient($"{server} cannot do what the options ask: {failure.Message}"),
            SslHandshakeException => SendResult.Transient($"the TLS handshake with {server} failed: {failure.Message}"),
            SocketException socket => SendResult.Transient($"cannot reach {server}: {socket.SocketErrorCode} ({socket.Message})"),
            TimeoutException or OperationCanceledException => SendResult.Transient($"{server} timed out: {failure.Message}"),
            ServiceNotConnectedException or ServiceNotAuthenticatedException or ProtocolException or IOException =>
                SendResult.Transient($"the connection to {server} failed: {failure.GetType().Name}: {failure.Message}"),
            _ => null,
        };
        return result is not null;
    }

    /// <summary>The server's reply as it gave it: <c>550 mailbox unavailable (recipient x@example.com)</c>.</summary>
    private static string Reply(SmtpCommandException refused)
    {
        var reply = string.Create(CultureInfo.InvariantCulture, $"{(int)refused.StatusCode} {refused.Message}");
        return refused.Mailbox is { } mailbox && !reply.Contains(mailbox.Address, StringComparison.OrdinalIgnoreCase)
            ? $"{reply} ({refused.ErrorCode switch { SmtpErrorCode.RecipientNotAccepted => "recipient", SmtpErrorCode.SenderNotAccepted => "sender", _ => "mailbox" }} {mailbox.Address})"
            : reply;
    }
}
