using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace CustomerCare.Customers;

/// <summary>A birthday: a month and day that recur every year, and the birth year when the customer gave it.</summary>
/// <remarks>
/// 29 February is a real birthday. In a year without it, <see cref="InYear"/> follows NodaTime's
/// <see cref="AnnualDate.InYear(int)"/> and gives 28 February; campaigns may choose 1 March instead.
/// </remarks>
/// <param name="Date">The month and day.</param>
/// <param name="Year">The birth year, when known.</param>
public readonly record struct Birthday(AnnualDate Date, int? Year)
{
    /// <summary>The earliest birth year accepted.</summary>
    public const int MinYear = 1900;

    /// <summary>The date this birthday falls on in a given year (28 February for 29 February in a common year).</summary>
    /// <param name="year">The year.</param>
    /// <returns>The date.</returns>
    public LocalDate InYear(int year) => Date.InYear(year);

    /// <summary>The customer's age on a given date, when the birth year is known.</summary>
    /// <param name="today">The date, usually today in the customer's own time zone.</param>
    /// <returns>The age in whole years, or <see langword="null"/> without a birth year.</returns>
    public int? AgeOn(LocalDate today)
    {
        if (Year is not { } year)
        {
            return null;
        }

        var age = today.Year - year;
        // A Feb 29 birthday is reached on Mar 1 in a common year: the person has not lived a full year on Feb 28.
        var reached = Date.IsValidYear(today.Year) ? today >= Date.InYear(today.Year) : today.Month > 2;
        return reached ? age : age - 1;
    }

    /// <summary>Parses <c>yyyy-MM-dd</c> (with the year) or <c>--MM-dd</c> (without it).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The birthday.</returns>
    /// <exception cref="FieldValidationException">The text is malformed or names a day that does not exist.</exception>
    public static Birthday Parse(string? text) =>
        TryParse(text, out var birthday, out var error) ? birthday : throw new FieldValidationException(error);

    /// <summary>Tries to parse <c>yyyy-MM-dd</c> or <c>--MM-dd</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="birthday">The birthday, when valid.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(string? text, out Birthday birthday, [NotNullWhen(false)] out FieldError? error, string field = "birthday")
    {
        birthday = default;
        error = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = FieldErrors.Create(field, text, FieldErrorCodes.Required, "is required");
            return false;
        }

        int? year = null;
        ReadOnlySpan<char> monthDay;
        if (value.Length == 7 && value.StartsWith("--", StringComparison.Ordinal))
        {
            monthDay = value.AsSpan(2);
        }
        else if (value.Length == 10 && value[4] == '-' && TryDigits(value.AsSpan(0, 4), out var y))
        {
            year = y;
            monthDay = value.AsSpan(5);
        }
        else
        {
            error = FieldErrors.Create(field, text, FieldErrorCodes.Malformed, "is not a birthday: write yyyy-MM-dd, or --MM-dd without the year");
            return false;
        }

        if (monthDay.Length != 5 || monthDay[2] != '-' || !TryDigits(monthDay[..2], out var month) || !TryDigits(monthDay[3..], out var day))
        {
            error = FieldErrors.Create(field, text, FieldErrorCodes.Malformed, "is not a birthday: write yyyy-MM-dd, or --MM-dd without the year");
            return false;
        }

        return TryCreate(month, day, year, out birthday, out error, field, text);
    }

    /// <summary>Creates a birthday from numbers, checking that the day exists.</summary>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day of the month.</param>
    /// <param name="year">The birth year, or <see langword="null"/>.</param>
    /// <returns>The birthday.</returns>
    /// <exception cref="FieldValidationException">The day does not exist (Feb 30, or Feb 29 in a common birth year).</exception>
    public static Birthday Create(int month, int day, int? year = null) =>
        TryCreate(month, day, year, out var birthday, out var error, "birthday", null) ? birthday : throw new FieldValidationException(error);

    private static bool TryCreate(int month, int day, int? year, out Birthday birthday, [NotNullWhen(false)] out FieldError? error, string field, string? text)
    {
        birthday = default;
        error = null;
        var shown = text ?? (year is null
            ? string.Create(CultureInfo.InvariantCulture, $"--{month:00}-{day:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}"));
        if (month is < 1 or > 12)
        {
            error = FieldErrors.Create(field, shown, FieldErrorCodes.Unknown, "has no such month: months run from 01 to 12");
            return false;
        }

        // Leap year 2000 accepts every month/day that ever exists, Feb 29 included.
        if (day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(2000, month))
        {
            error = FieldErrors.Create(field, shown, FieldErrorCodes.Unknown, "names a day that does not exist in that month");
            return false;
        }

        if (year is { } y)
        {
            if (y is < MinYear or > 9999)
            {
                error = FieldErrors.Create(field, shown, FieldErrorCodes.OutOfRange, $"has a birth year before {MinYear}");
                return false;
            }

            if (day > CalendarSystem.Iso.GetDaysInMonth(y, month))
            {
                error = FieldErrors.Create(field, shown, FieldErrorCodes.Unknown, "names Feb 29 in a year that is not a leap year");
                return false;
            }
        }

        birthday = new Birthday(new AnnualDate(month, day), year);
        return true;
    }

    /// <summary>Formats as <c>yyyy-MM-dd</c>, or <c>--MM-dd</c> without a year.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Year is { } y
        ? string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{Date.Month:00}-{Date.Day:00}")
        : string.Create(CultureInfo.InvariantCulture, $"--{Date.Month:00}-{Date.Day:00}");

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !text.IsEmpty;
    }
}
