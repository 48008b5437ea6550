using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scriban;

namespace CustomerCare.Templates;

/// <summary>The helper functions templates call: <c>money</c>, <c>date</c> and <c>first_name</c>.</summary>
internal static class TemplateHelpers
{
    private static readonly ConcurrentDictionary<(string Culture, string Currency), NumberFormatInfo> MoneyFormats = new();
    private static readonly ConcurrentDictionary<(string Culture, string Pattern), LocalDatePattern> DatePatterns = new();
    private static readonly ConcurrentDictionary<(string Culture, string Pattern), LocalDateTimePattern> DateTimePatterns = new();

    public static string Money(TemplateContext context, object? value)
    {
        var care = (CareTemplateContext)context;
        var money = value switch
        {
            TemplateMoney m => m.Value,
            _ => throw new ArgumentException("money expects an amount from the model, such as compensation", nameof(value)),
        };

        return FormatMoney(money, care.Culture);
    }

    /// <summary>An amount as the templates show it in a culture: <c>₺1.249,90</c> in Turkish.</summary>
    public static string FormatMoney(Money money, CultureInfo culture)
    {
        var format = MoneyFormats.GetOrAdd((culture.Name, money.Currency.Code), static k => CreateMoneyFormat(k.Culture, k.Currency));
        return money.Amount.ToString("C", format);
    }

    public static string Date(TemplateContext context, object? value, string? format = null)
    {
        var care = (CareTemplateContext)context;
        if (value is not TemplateDate date)
        {
            throw new ArgumentException("date expects a date or an instant from the model, such as shipped_at", nameof(value));
        }

        var culture = care.Culture;
        if (date.Instant is { } instant)
        {
            var pattern = format switch
            {
                null or "long" => "d MMMM uuuu HH:mm",
                "short" => culture.DateTimeFormat.ShortDatePattern.Replace("yyyy", "uuuu", StringComparison.Ordinal) + " HH:mm",
                "time" => "HH:mm",
                "date" => "d MMMM uuuu",
                _ => throw new ArgumentException("date format must be long, short, date or time", nameof(format)),
            };
            var local = instant.InZone(care.Zone).LocalDateTime;
            return DateTimePatterns.GetOrAdd((culture.Name, pattern), static k => LocalDateTimePattern.Create(k.Pattern, CultureInfo.GetCultureInfo(k.Culture))).Format(local);
        }

        var datePattern = format switch
        {
            null or "long" or "date" => "d MMMM uuuu",
            "short" => culture.DateTimeFormat.ShortDatePattern.Replace("yyyy", "uuuu", StringComparison.Ordinal),
            "weekday" => "d MMMM dddd",
            _ => throw new ArgumentException("date format must be long, short or weekday", nameof(format)),
        };
        return DatePatterns.GetOrAdd((culture.Name, datePattern), static k => LocalDatePattern.Create(k.Pattern, CultureInfo.GetCultureInfo(k.Culture))).Format(date.Date);
    }

    public static string FirstName(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return string.Empty;
        }

        var trimmed = fullName.AsSpan().Trim();
        var space = trimmed.IndexOfAny(' ', '\t');
        return (space < 0 ? trimmed : trimmed[..space]).ToString();
    }

    private static NumberFormatInfo CreateMoneyFormat(string cultureName, string currencyCode)
    {
        var format = (NumberFormatInfo)CultureInfo.GetCultureInfo(cultureName).NumberFormat.Clone();
        var currency = Currency.FromCode(currencyCode);
        format.CurrencySymbol = currencyCode switch
        {
            "TRY" => "₺",
            "EUR" => "€",
            "USD" => "$",
            "GBP" => "£",
            _ => currencyCode + " ",
        };
        format.CurrencyDecimalDigits = currency.MinorUnits;

        // ICU puts a space between ₺ and the number in some cultures; the brand style is "₺1.249,90" everywhere.
        format.CurrencyPositivePattern = 0;
        format.CurrencyNegativePattern = 1;
        return NumberFormatInfo.ReadOnly(format);
    }
}
