using System.Text.RegularExpressions;

namespace CustomerCare.Templates;

/// <summary>Finds personal data that must never appear in a public reply.</summary>
/// <remarks>
/// The patterns run without backtracking, in time linear in the reply's length, so they need no timeout. A timeout
/// measures wall time: with one of 100 ms, a process stalled on a loaded machine threw
/// <see cref="RegexMatchTimeoutException"/> out of rendering a 280-character reply. Only whether a pattern occurs
/// matters, so the phone pattern's "not after a letter or digit" is a character (or the start) before the number
/// instead of a lookbehind, which the non-backtracking engine does not support.
/// </remarks>
internal static partial class PublicReplyGuard
{
    private const RegexOptions Linear = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    public static (ChannelRule Rule, string What)? Find(string text)
    {
        if (Email().IsMatch(text))
        {
            return (ChannelRule.PublicReplyContainsEmail, "an e-mail address");
        }

        if (Phone().IsMatch(text))
        {
            return (ChannelRule.PublicReplyContainsPhone, "a phone number (10 or more digits)");
        }

        if (Amount().IsMatch(text))
        {
            return (ChannelRule.PublicReplyContainsAmount, "an amount of money");
        }

        if (Address().IsMatch(text))
        {
            return (ChannelRule.PublicReplyContainsAddress, "a postal address");
        }

        return null;
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", Linear)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?:^|[^\p{L}\p{N}])\+?\d(?:[ ().-]{0,2}\d){9,}", Linear)]
    private static partial Regex Phone();

    [GeneratedRegex(@"[₺$€£]\s?\d|\d[\d.,]*\s?(?:₺|€|\$|£|(?i:tl|try|usd|eur|lira)\b)|\b(?i:tl|try|usd|eur)\s?\d", Linear)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(?i:mah|mahallesi|cad|caddesi|sok|sk|sokak|sokağı|bulvarı|blv)\b\.?\s|\b(?i:no|daire|kat)\s?:\s?\d", Linear)]
    private static partial Regex Address();
}
