using System.Diagnostics.CodeAnalysis;
using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using CustomerCare.Customers;
using MimeKit;
using NodaTime;

namespace CustomerCare.MailKit;

/// <summary>Turns an outbound message into a MIME message: addresses, subject, the derived <c>Message-ID</c> and the bodies.</summary>
internal static class SmtpMessageFactory
{
    public const string CustomerCareIdHeader = "X-CustomerCare-Message-Id";

    /// <summary>Builds the message, or says which field of the outbound message makes it unsendable.</summary>
    public static bool TryCreate(OutboundMessage message, SmtpChannelOptions options, string messageIdHeader, Instant date, [NotNullWhen(true)] out MimeMessage? mime, [NotNullWhen(false)] out string? error)
    {
        mime = null;
        error = null;
        if (!EmailAddress.TryParse(message.Recipient, out var to, out var toError, "recipient"))
        {
            error = toError.Message;
            return false;
        }

        if (!MailboxAddress.TryParse(to.Value, out var recipient))
        {
            error = FieldErrors.Create("recipient", message.Recipient, FieldErrorCodes.Malformed, "is not an address SMTP can deliver to").Message;
            return false;
        }

        if (message.MessageId.Any(char.IsControl))
        {
            error = FieldErrors.Create("message_id", message.MessageId, FieldErrorCodes.Malformed, "contains a control character, which no e-mail header may carry").Message;
            return false;
        }

        if (!EmailContent.TryFrom(message, out var content, out var contentError))
        {
            error = contentError.Message;
            return false;
        }

        mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName ?? string.Empty, options.From));
        mime.To.Add(recipient);
        if (message.Subject is not null)
        {
            mime.Subject = message.Subject;
        }

        mime.MessageId = messageIdHeader;
        mime.Date = date.ToDateTimeOffset();
        mime.Headers.Add(CustomerCareIdHeader, message.MessageId);
        mime.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        return true;
    }
}
