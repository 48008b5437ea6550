using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Channels.Files;

/// <summary>
/// The bodies of an e-mail, worked out from an <see cref="OutboundMessage"/>: always a plain-text body, and an HTML one
/// when the message is HTML. Every e-mail channel reads a message the same way through this type.
/// </summary>
/// <remarks>
/// <para>A <c>text/html</c> message gets its text body from the <see cref="TextAlternativeKey"/> metadata entry when
/// the sender gave one (the template's own text part), and otherwise from <see cref="TextFromHtml"/>. A
/// <c>text/plain</c> message has no HTML body. Any other media type is refused.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body, or <see langword="null"/> for a plain-text e-mail.</param>
public sealed record EmailContent(string Text, string? Html)
{
    /// <summary>The metadata key of the plain-text alternative of an HTML message: <c>text</c>.</summary>
    public const string TextAlternativeKey = "text";

    /// <summary>Works out the bodies of a message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="content">The bodies, when the media type is one an e-mail can carry.</param>
    /// <param name="error">Why not, naming the <c>content_type</c> and its value.</param>
    /// <returns><see langword="true"/> for <c>text/plain</c> and <c>text/html</c> (parameters such as <c>charset</c> are ignored).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static bool TryFrom(OutboundMessage message, [NotNullWhen(true)] out EmailContent? content, [NotNullWhen(false)] out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(message);
        content = null;
        error = null;
        var semicolon = message.ContentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? message.ContentType : message.ContentType[..semicolon]).Trim();
        if (string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            content = new EmailContent(message.Body, null);
            return true;
        }

        if (string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase))
        {
            var text = message.Metadata.TryGetValue(TextAlternativeKey, out var given) && !string.IsNullOrWhiteSpace(given) ? given : TextFromHtml(message.Body);
            content = new EmailContent(text, message.Body);
            return true;
        }

        error = FieldErrors.Create("content_type", message.ContentType, FieldErrorCodes.Unknown, "is not an e-mail body type; text/plain or text/html is expected");
        return false;
    }

    /// <summary>
    /// A plain-text rendering of an HTML body: the text of the document without scripts, styles and the head;
    /// paragraphs, headings and table rows on their own lines; list items as <c>- item</c>; links as
    /// <c>text (address)</c>; entities decoded and white space collapsed.
    /// </summary>
    /// <param name="html">The HTML.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is null.</exception>
    /// <remarks>Linear in the input length, whatever the input; malformed markup gives text, never an exception.</remarks>
    public static string TextFromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new HtmlTextConverter(html).Convert();
    }
}
