using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerCare.Coupons.Codes;

/// <summary>
/// A coupon code in canonical form: Crockford base-32 symbols (an optional prefix and the random symbols) followed by
/// a check symbol that catches every single mistyped symbol and every swap of two neighbours.
/// </summary>
/// <remarks>
/// <para>
/// Parsing is forgiving in the ways people type and strict about the rest. Input is upper-cased without any culture
/// (so the Turkish <c>ı</c> and <c>İ</c> behave like <c>i</c> and <c>I</c>), white space and dashes are dropped,
/// <c>O</c> reads as <c>0</c>, and <c>I</c> and <c>L</c> (and <c>ı</c>, <c>İ</c>) read as <c>1</c>. What remains
/// must be code symbols with a check symbol (<c>0-9 A-Z</c> without <c>I L O U</c>, or <c>* ~ $ = U</c>) last, of a
/// valid length, with a matching check symbol.
/// </para>
/// <para>
/// <see cref="Value"/> is the canonical text, which a store keys on; equality is ordinal on it. <see cref="ToString"/>
/// prints the code grouped for people (<c>BDAY-7K3M-Q9XT-A2B4-M</c>), as its pattern says, or in groups of four
/// when the code was parsed without one. The <see langword="default"/> value has an empty <see cref="Value"/>.
/// </para>
/// </remarks>
public readonly record struct CouponCode
{
    /// <summary>The fewest symbols a code has: <see cref="CouponCodePattern.MinRandomLength"/> and the check symbol.</summary>
    public const int MinLength = CouponCodePattern.MinRandomLength + 1;

    /// <summary>The most symbols a code has: the longest prefix, the most random symbols and the check symbol.</summary>
    public const int MaxLength = CouponCodePattern.MaxPrefixLength + CouponCodePattern.MaxRandomLength + 1;

    /// <summary>The field name errors carry unless the caller names another.</summary>
    public const string DefaultField = "code";

    // Generous room for separators and spaces, yet a bound that keeps hostile input cheap to refuse.
    private const int MaxInputLength = 4 * MaxLength;

    private readonly string? _value;
    private readonly byte _prefixLength;
    private readonly byte _groupSize;
    private readonly char _separator;

    internal CouponCode(string value, int prefixLength, int groupSize, char separator)
    {
        _value = value;
        _prefixLength = (byte)prefixLength;
        _groupSize = (byte)groupSize;
        _separator = separator;
    }

    /// <summary>The canonical code: upper-case symbols without separators, check symbol last. Stores key on this.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Parses a code typed or pasted by a person, without knowing its pattern.</summary>
    /// <param name="value">The code as typed.</param>
    /// <returns>The code, printed in groups of four.</returns>
    /// <exception cref="FieldValidationException">The code is missing, has a bad symbol, a wrong length or a wrong check symbol.</exception>
    public static CouponCode Parse(string? value) =>
        TryParse(value, out var code, out var error) ? code : throw new FieldValidationException(error);

    /// <summary>Tries to parse a code typed or pasted by a person, without knowing its pattern.</summary>
    /// <param name="value">The code as typed.</param>
    /// <param name="code">The code, printed in groups of four, when valid.</param>
    /// <param name="error">
    /// Why it was refused, when not: <see cref="FieldErrorCodes.Required"/>, <see cref="CouponCodeErrorCodes.InvalidSymbol"/>
    /// (with the character and its 1-based position in <paramref name="value"/>), <see cref="CouponCodeErrorCodes.WrongLength"/>
    /// or <see cref="CouponCodeErrorCodes.CheckSymbolMismatch"/>.
    /// </param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(string? value, out CouponCode code, [NotNullWhen(false)] out FieldError? error, string field = DefaultField) =>
        TryParseCore(value, pattern: null, out code, out error, field);

    /// <summary>Ordinal equality on <see cref="Value"/>; how the code is printed does not matter.</summary>
    /// <param name="other">The other code.</param>
    /// <returns>Whether both have the same canonical value.</returns>
    public bool Equals(CouponCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The code printed for people, in its pattern's groups: <c>BDAY-7K3M-Q9XT-A2B4-M</c>.</summary>
    /// <returns>The printed code; parsing it gives this code back.</returns>
    public override string ToString() => CouponCodeLayout.Format(Value, _prefixLength, _groupSize, _separator);

    internal static bool TryParseCore(string? value, CouponCodePattern? pattern, out CouponCode code, [NotNullWhen(false)] out FieldError? error, string field)
    {
        code = default;
        error = Check(value, pattern, field, out var canonical);
        if (error is not null)
        {
            return false;
        }

        code = pattern is null
            ? new CouponCode(canonical, 0, CouponCodePattern.DefaultGroupSize, CouponCodePattern.DefaultSeparator)
            : new CouponCode(canonical, pattern.Prefix.Length, pattern.GroupSize, pattern.Separator);
        return true;
    }

    private static FieldError? Check(string? value, CouponCodePattern? pattern, string field, out string canonical)
    {
        canonical = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            return FieldErrors.Create(field, value, FieldErrorCodes.Required, "is required");
        }

        var (min, max) = pattern is null ? (MinLength, MaxLength) : (pattern.CodeLength, pattern.CodeLength);
        if (value.Length > MaxInputLength)
        {
            return WrongLength(field, value, $"more than {MaxInputLength} characters", min, max);
        }

        Span<char> symbols = stackalloc char[MaxInputLength];
        var count = 0;
        var checkOnlyAt = -1;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (CrockfordBase32.IsDropped(c))
            {
                continue;
            }

            var symbolValue = CrockfordBase32.ValueOf(c);
            if (symbolValue < 0)
            {
                return FieldErrors.Create(field, value, CouponCodeErrorCodes.InvalidSymbol,
                    $"has {CouponCodeLayout.Describe(value, i)} at position {Position(i)}, which is not a coupon code symbol (codes use 0-9 and A-Z without I, L, O, U)");
            }

            if (checkOnlyAt >= 0)
            {
                return CheckOnlyNotLast(field, value, checkOnlyAt);
            }

            if (symbolValue >= CrockfordBase32.Radix)
            {
                checkOnlyAt = i;
            }

            symbols[count++] = CrockfordBase32.CheckSymbols[symbolValue];
        }

        if (count < min || count > max)
        {
            return WrongLength(field, value, count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " symbol" : " symbols"), min, max);
        }

        var body = symbols[..(count - 1)];
        if (pattern is not null && !body.StartsWith(pattern.Prefix, StringComparison.Ordinal))
        {
            return FieldErrors.Create(field, value, CouponCodeErrorCodes.WrongPrefix, $"does not start with the prefix '{pattern.Prefix}'");
        }

        if (CouponCodeCheckSymbol.Compute(body) != symbols[count - 1])
        {
            return FieldErrors.Create(field, value, CouponCodeErrorCodes.CheckSymbolMismatch,
                "does not match its check symbol: a symbol is mistyped or two neighbouring symbols are swapped");
        }

        canonical = new string(symbols[..count]);
        return null;
    }

    private static FieldError CheckOnlyNotLast(string field, string value, int index) =>
        FieldErrors.Create(field, value, CouponCodeErrorCodes.InvalidSymbol,
            $"has {CouponCodeLayout.Describe(value, index)} at position {Position(index)}, which is only allowed as the last (check) symbol");

    private static FieldError WrongLength(string field, string value, string found, int min, int max)
    {
        var expected = min == max
            ? string.Create(CultureInfo.InvariantCulture, $"{min} symbols")
            : string.Create(CultureInfo.InvariantCulture, $"{min} to {max} symbols");
        return FieldErrors.Create(field, value, CouponCodeErrorCodes.WrongLength,
            $"has {found}; a coupon code has {expected} (spaces and dashes aside)");
    }

    private static string Position(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
