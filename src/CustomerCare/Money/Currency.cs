using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CustomerCare;

/// <summary>
/// An ISO 4217 currency: its three-letter code and the number of minor units (decimal places) it is rounded to.
/// </summary>
/// <remarks>
/// Only active ISO 4217 codes are accepted, so a typo such as <c>TRL</c> or <c>EURO</c> is refused rather than
/// silently creating a currency. Values are compared by code.
/// </remarks>
public readonly record struct Currency
{
    // Active ISO 4217 codes with a minor unit other than 2; every other listed code has 2.
    private static readonly FrozenDictionary<string, int> Known = BuildTable();

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The Turkish lira, the default currency of the library.</summary>
    public static Currency TRY { get; } = new("TRY", 2);

    /// <summary>The euro.</summary>
    public static Currency EUR { get; } = new("EUR", 2);

    /// <summary>The US dollar.</summary>
    public static Currency USD { get; } = new("USD", 2);

    /// <summary>The three upper-case letters of the ISO 4217 code.</summary>
    public string Code { get; }

    /// <summary>The number of decimal places amounts in this currency are rounded to (0 for JPY, 3 for KWD).</summary>
    public int MinorUnits { get; }

    /// <summary>Returns the currency with the given ISO 4217 code.</summary>
    /// <param name="code">Three letters; case is ignored (culture-invariant).</param>
    /// <returns>The currency.</returns>
    /// <exception cref="FieldValidationException">The code is missing, malformed or not an ISO 4217 code.</exception>
    public static Currency FromCode(string? code) =>
        TryFromCode(code, out var currency, out var error) ? currency : throw new FieldValidationException(error);

    /// <summary>Tries to find the currency with the given ISO 4217 code.</summary>
    /// <param name="code">Three letters; case is ignored (culture-invariant).</param>
    /// <param name="currency">The currency, when found.</param>
    /// <param name="error">Why the code was refused, when not found.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when the code names a currency.</returns>
    public static bool TryFromCode(
        string? code,
        out Currency currency,
        [NotNullWhen(false)] out FieldError? error,
        string field = "currency")
    {
        currency = default;
        error = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            error = FieldErrors.Create(field, code, FieldErrorCodes.Required, "is required: give an ISO 4217 code such as TRY");
            return false;
        }

        var normalized = code.Trim().ToUpperInvariant();
        if (normalized.Length != 3 || !normalized.All(char.IsAsciiLetterUpper))
        {
            error = FieldErrors.Create(field, code, FieldErrorCodes.Malformed, "is not a three-letter ISO 4217 code");
            return false;
        }

        if (!Known.TryGetValue(normalized, out var minor))
        {
            error = FieldErrors.Create(field, code, FieldErrorCodes.Unknown, "is not an active ISO 4217 currency code");
            return false;
        }

        currency = new Currency(normalized, minor);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Code ?? string.Empty;

    private static FrozenDictionary<string, int> BuildTable()
    {
        const string twoDecimals =
            "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF " +
            "CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF " +
            "IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR " +
            "MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD " +
            "SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR " +
            "ZMW ZWG";
        var table = twoDecimals.Split(' ').ToDictionary(c => c, _ => 2, StringComparer.Ordinal);
        foreach (var code in new[] { "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF" })
        {
            table[code] = 0;
        }

        foreach (var code in new[] { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" })
        {
            table[code] = 3;
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
