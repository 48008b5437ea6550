using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Policy;

namespace CustomerCare.Templates;

/// <summary>Names one template variant: what it answers, in which language, in which tone, on which channel.</summary>
/// <param name="Kind">The situation.</param>
/// <param name="Locale">The language (<c>tr</c>) or language and region (<c>tr-TR</c>).</param>
/// <param name="Tone">The tone of voice.</param>
/// <param name="Channel">The channel.</param>
public readonly record struct TemplateKey(TemplateKind Kind, Locale Locale, ToneOfVoice Tone, MessageChannel Channel)
{
    /// <summary>Formats as <c>acknowledgement/tr-TR/friendly/email</c>.</summary>
    /// <returns>The key as text.</returns>
    public override string ToString() => string.Join(
        '/',
        TemplateNames.ToSnake(Kind.ToString()),
        Locale.Name,
        Tone.ToString().ToLowerInvariant(),
        TemplateNames.ToSnake(Channel.ToString()));
}

/// <summary>Converts between enum names and the snake_case names used in files and keys.</summary>
internal static class TemplateNames
{
    public static string ToSnake(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsAsciiLetterUpper(pascal[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLower(pascal[i], CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    public static bool TryParse<TEnum>(string snake, out TEnum value)
        where TEnum : struct, Enum =>
        Enum.TryParse(snake.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out value)
        && Enum.IsDefined(value) && !char.IsAsciiDigit(snake[0]);
}
