using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Policy.Sla;

/// <summary>Reads target durations written <c>90m</c>, <c>1h30m</c>, <c>45s</c>, ISO 8601 <c>PT1H30M</c>, or <c>none</c>.</summary>
internal static partial class SlaDurationText
{
    /// <summary>Parses a target.</summary>
    /// <param name="text">The text.</param>
    /// <param name="target">The duration, or <see langword="null"/> for <c>none</c>.</param>
    /// <returns><see langword="false"/> when the text is not a positive duration or <c>none</c>.</returns>
    public static bool TryParse(string text, out Duration? target)
    {
        target = null;
        var trimmed = text.Trim();
        if (trimmed.Equals("none", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Compact().Match(trimmed) is { Success: true } match && match.Length > 0)
        {
            long seconds = 0;
            foreach (var (group, unit) in new[] { ("h", 3600L), ("m", 60L), ("s", 1L) })
            {
                if (match.Groups[group].Success && long.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    seconds = checked(seconds + (value * unit));
                }
            }

            target = Duration.FromSeconds(seconds);
        }
        else if (PeriodPattern.NormalizingIso.Parse(trimmed) is { Success: true } iso && iso.Value is { Years: 0, Months: 0 } period)
        {
            target = period.ToDuration();
        }

        return target > Duration.Zero;
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Compact();
}
