using System.Globalization;
using System.Text;

namespace CustomerCare.Channels.Files;

/// <summary>Writes one e-mail as RFC 5322 text with MIME bodies, by hand, so that the core library needs no mail library.</summary>
internal static class EmlWriter
{
    public const string CustomerCareIdHeader = "X-CustomerCare-Message-Id";

    /// <summary>The message's text with CRLF line ends; its headers are 7-bit ASCII unless the recipient's local part is not.</summary>
    public static string Write(EmlEnvelope envelope, EmailContent content)
    {
        // Sized for the quoted-printable bodies and the headers up front, rather than grown by doubling.
        var text = new StringBuilder(1024 + ((content.Text.Length + (content.Html?.Length ?? 0)) * 5 / 4));
        Header(text, "Message-ID", "<" + envelope.MessageIdHeader + ">");
        Header(text, CustomerCareIdHeader, MimeText.Unstructured(envelope.MessageId));
        Header(text, "Date", MimeText.Date(envelope.Date));
        Header(text, "From", string.IsNullOrEmpty(envelope.FromName) ? envelope.From : MimeText.Phrase(envelope.FromName) + " <" + envelope.From + ">");
        Header(text, "To", envelope.To);
        if (envelope.Subject is not null)
        {
            Header(text, "Subject", MimeText.Unstructured(envelope.Subject));
        }

        Header(text, "MIME-Version", "1.0");
        if (content.Html is null)
        {
            Part(text, "text/plain", content.Text);
            return text.Append("\r\n").ToString();
        }

        // "=_" cannot occur in quoted-printable output, so the boundary never collides with a body.
        var boundary = "=_cc_" + envelope.MessageIdHeader[(envelope.MessageIdHeader.IndexOf('.', StringComparison.Ordinal) + 1)..envelope.MessageIdHeader.IndexOf('@', StringComparison.Ordinal)];
        Header(text, "Content-Type", string.Create(CultureInfo.InvariantCulture, $"multipart/alternative; boundary=\"{boundary}\""));
        text.Append("\r\n");
        text.Append("--").Append(boundary).Append("\r\n");
        Part(text, "text/plain", content.Text);
        text.Append("\r\n--").Append(boundary).Append("\r\n");
        Part(text, "text/html", content.Html);
        text.Append("\r\n--").Append(boundary).Append("--\r\n");
        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string value) => text.Append(name).Append(": ").Append(value).Append("\r\n");

    private static void Part(StringBuilder text, string mediaType, string body)
    {
        Header(text, "Content-Type", mediaType + "; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "quoted-printable");
        MimeText.AppendQuotedPrintable(text.Append("\r\n"), body);
    }
}
