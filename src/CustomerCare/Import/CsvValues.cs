using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Import;

/// <summary>
/// Parses the value types of the CSV formats from a <see cref="CsvRow"/>, culture-invariantly, and reports each refusal
/// with the column and the value.
/// </summary>
internal static class CsvValues
{
    private const string InstantExample = "2025-03-01T10:15:00+03:00 or 2025-03-01T07:15:00Z";

    /// <summary>An ISO-8601 instant with an offset (<c>Z</c> or <c>+03:00</c>); a value without an offset is refused.</summary>
    public static Instant? Instant(this CsvRow row, string column, bool required = false)
    {
        var text = required ? row.Required(column) : row.Text(column);
        if (text is null)
        {
            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value.ToInstant();
        }

        string reason;
        if (LocalDateTimePattern.ExtendedIso.Parse(text).Success)
        {
            reason = $"has no offset, so the instant is ambiguous: add Z or an offset such as +03:00 ({InstantExample})";
        }
        else if (text.Length >= 10 && LooksLikeDate(text.AsSpan(0, 10)) && !LocalDatePattern.Iso.Parse(text[..10]).Success)
        {
            reason = "names a day that does not exist";
        }
        else
        {
            reason = $"is not an ISO-8601 instant with an offset, such as {InstantExample}";
        }

        row.Error(column, text, FieldErrorCodes.Malformed, reason);
        return null;
    }

    /// <summary>A calendar date written <c>yyyy-MM-dd</c>.</summary>
    public static LocalDate? Date(this CsvRow row, string column)
    {
        var text = row.Text(column);
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        var reason = LooksLikeDate(text) ? "names a day that does not exist" : "is not a date written yyyy-MM-dd";
        row.Error(column, text, FieldErrorCodes.Malformed, reason);
        return null;
    }

    /// <summary>An amount not below zero, with a dot as the decimal separator and no more decimals than the currency has.</summary>
    public static Money? Amount(this CsvRow row, string column, Currency currency, bool required = false)
    {
        var text = required ? row.Required(column) : row.Text(column);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            row.Error(column, text, FieldErrorCodes.Malformed, "is not a decimal number with a dot as the separator and no thousands separator (for example 1499.90)");
            return null;
        }

        if (amount < 0m)
        {
            row.Error(column, text, FieldErrorCodes.OutOfRange, "must not be negative");
            return null;
        }

        if (decimal.Round(amount, currency.MinorUnits) != amount)
        {
            row.Error(column, text, FieldErrorCodes.Malformed, string.Create(CultureInfo.InvariantCulture, $"has more decimals than {currency.Code} allows ({currency.MinorUnits})"));
            return null;
        }

        return new Money(amount, currency);
    }

    /// <summary>A whole number within a range.</summary>
    public static long? Integer(this CsvRow row, string column, long min, long max, bool required = false)
    {
        var text = required ? row.Required(column) : row.Text(column);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            row.Error(column, text, FieldErrorCodes.Malformed, "is not a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            var range = max == long.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"must be at least {min}")
                : string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}");
            row.Error(column, text, FieldErrorCodes.OutOfRange, range);
            return null;
        }

        return value;
    }

    /// <summary>
    /// A yes/no value: <c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c> or the Turkish
    /// <c>evet</c>/<c>hayır</c>, in any case (Turkish-aware, so <c>HAYIR</c> and <c>EVET</c> match too).
    /// </summary>
    public static bool? Boolean(this CsvRow row, string column)
    {
        var text = row.Text(column);
        if (text is null)
        {
            return null;
        }

        foreach (var (word, value) in BooleanWords)
        {
            if (Text.TurkishInvariantComparer.Instance.Equals(text, word))
            {
                return value;
            }
        }

        row.Error(column, text, FieldErrorCodes.Malformed, "is not a yes/no value: use true or false (yes/no, 1/0 and evet/hayır are accepted too)");
        return null;
    }

    private static readonly (string Word, bool Value)[] BooleanWords =
        [("true", true), ("false", false), ("yes", true), ("no", false), ("1", true), ("0", false), ("evet", true), ("hayır", false)];

    /// <summary>A <c>|</c>-separated list; each entry is trimmed.</summary>
    public static string[] List(this CsvRow row, string column) =>
        row.Text(column) is { } text ? text.Split('|', StringSplitOptions.TrimEntries) : [];

    private static bool LooksLikeDate(ReadOnlySpan<char> text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && !text[..4].ContainsAnyExceptInRange('0', '9') && !text.Slice(5, 2).ContainsAnyExceptInRange('0', '9') && !text[8..].ContainsAnyExceptInRange('0', '9');
}
