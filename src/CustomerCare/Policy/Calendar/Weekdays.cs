using NodaTime;

namespace CustomerCare.Policy.Calendar;

/// <summary>Weekday ranges and names.</summary>
internal static class Weekdays
{
    private static readonly string[] Names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/> included, wrapping past Sunday.</summary>
    public static IEnumerable<IsoDayOfWeek> Range(IsoDayOfWeek first, IsoDayOfWeek last)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan((int)first, 1, nameof(first));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)first, 7, nameof(first));
        ArgumentOutOfRangeException.ThrowIfLessThan((int)last, 1, nameof(last));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)last, 7, nameof(last));
        var count = (((int)last - (int)first + 7) % 7) + 1;
        for (var i = 0; i < count; i++)
        {
            yield return (IsoDayOfWeek)((((int)first - 1 + i) % 7) + 1);
        }
    }

    /// <summary>Parses <c>Mon</c>, <c>monday</c>, <c>MON</c> (English, any case, three letters or the full name).</summary>
    public static bool TryParse(string text, out IsoDayOfWeek day)
    {
        day = IsoDayOfWeek.None;
        var trimmed = text.Trim();
        for (var i = 0; i < Names.Length; i++)
        {
            var full = ((IsoDayOfWeek)(i + 1)).ToString();
            if (trimmed.Equals(Names[i], StringComparison.OrdinalIgnoreCase) || trimmed.Equals(full, StringComparison.OrdinalIgnoreCase))
            {
                day = (IsoDayOfWeek)(i + 1);
                return true;
            }
        }

        return false;
    }
}
