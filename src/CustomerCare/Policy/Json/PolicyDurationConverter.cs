using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Policy.Json;

/// <summary>Reads a duration written <c>14d</c>, <c>1h30m</c>, <c>45s</c>, ISO 8601 <c>P14D</c> / <c>PT1H30M</c>, or NodaTime's <c>14:00:00:00</c>.</summary>
internal sealed partial class PolicyDurationConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("a duration is a string such as \"14d\", \"1h30m\" or \"P14D\"");
        }

        var text = reader.GetString()!;
        return TryParse(text, out var duration)
            ? duration
            : throw new JsonException($"'{FieldErrors.Quote(text)}' is not a duration: write 14d, 1h30m, 45s, P14D or PT1H30M");
    }

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(DurationPattern.Roundtrip.Format(value));
    }

    internal static bool TryParse(string text, out Duration duration)
    {
        duration = default;
        var trimmed = text.Trim();
        if (Compact().Match(trimmed) is { Success: true, Length: > 0 } match)
        {
            long seconds = 0;
            foreach (var (group, unit) in new[] { ("d", 86_400L), ("h", 3_600L), ("m", 60L), ("s", 1L) })
            {
                if (match.Groups[group].Success)
                {
                    seconds = checked(seconds + (long.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) * unit));
                }
            }

            duration = Duration.FromSeconds(seconds);
            return true;
        }

        if (PeriodPattern.NormalizingIso.Parse(trimmed) is { Success: true } iso && iso.Value is { Years: 0, Months: 0 } period)
        {
            duration = period.ToDuration();
            return true;
        }

        if (DurationPattern.Roundtrip.Parse(trimmed) is { Success: true } roundtrip)
        {
            duration = roundtrip.Value;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,5})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Compact();
}
