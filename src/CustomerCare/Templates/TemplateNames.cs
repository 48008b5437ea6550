using System.Globalization;

namespace CustomerCare.Templates;

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
