using System.Globalization;
using CustomerCare.Customers;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Sample.Reporting;

/// <summary>Formats numbers, amounts and dates for people, in Turkish (<c>₺1.234,50</c>, <c>1.234</c>, <c>%4,2</c>).</summary>
public static class HumanFormat
{
    /// <summary>The culture of human output.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("tr-TR");

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("d MMMM uuuu", Culture);

    /// <summary>Formats an amount: with the lira sign for TRY, with the code for other currencies.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <returns>The text, such as <c>₺1.234,50</c>.</returns>
    public static string Amount(decimal amount, string currency) => currency == "TRY"
        ? amount.ToString("C2", Culture)
        : amount.ToString("N2", Culture) + " " + currency;

    /// <summary>Formats a count with thousands separators.</summary>
    /// <param name="count">The count.</param>
    /// <returns>The text, such as <c>1.234</c>.</returns>
    public static string Count(long count) => count.ToString("N0", Culture);

    /// <summary>Formats a number with thousands separators and up to two decimals.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text, such as <c>1.234</c> or <c>2,4</c>.</returns>
    public static string Number(decimal value) => value.ToString("#,##0.##", Culture);

    /// <summary>Formats a rate of 0 to 1 as a percentage with one decimal.</summary>
    /// <param name="rate">The rate.</param>
    /// <returns>The text, such as <c>%4,2</c>.</returns>
    public static string Percent(decimal rate) => rate.ToString("P1", Culture);

    /// <summary>Formats an instant as a date in Istanbul.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text, such as <c>1 Mayıs 2026</c>.</returns>
    public static string Date(Instant instant) => Date(instant.InZone(TimeZones.Istanbul).Date);

    /// <summary>Formats a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text, such as <c>1 Mayıs 2026</c>.</returns>
    public static string Date(LocalDate date) => DatePattern.Format(date);

    /// <summary>Formats an optional instant as a date in Istanbul, or a dash.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text.</returns>
    public static string Date(Instant? instant) => instant is { } value ? Date(value) : "-";
}
