using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace CustomerCare.Coupons.Codes;

/// <summary>
/// The shape of generated coupon codes: an optional prefix, a number of random symbols, how the printed form is
/// grouped, and a final check symbol (always present).
/// </summary>
/// <remarks>
/// <para>
/// A code is <c>prefix + random symbols + check symbol</c>, all from Crockford's base-32 alphabet
/// (<c>0-9 A-Z</c> without <c>I L O U</c>). The prefix is part of the code: the check symbol covers it, and
/// <see cref="CouponCode.Value"/> includes it. Each random symbol carries 5 bits, so <see cref="EntropyBits"/> is
/// <see cref="RandomLength"/> × 5, and a pattern below <see cref="MinimumEntropyBits"/> (60) is refused.
/// </para>
/// <para>
/// The printed form (<see cref="CouponCode.ToString"/>) puts the prefix in a group of its own, then the random symbols
/// and the check symbol in groups of <see cref="GroupSize"/> joined by <see cref="Separator"/>: with prefix
/// <c>BDAY</c>, 12 random symbols and groups of 4, <c>BDAY-7K3M-Q9XT-A2B4-M</c>. The separator must be a space or a
/// dash, which <see cref="CouponCode.Parse(string?)"/> drops, so every printed code parses back.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed partial record CouponCodePattern
{
    /// <summary>The fewest random bits a pattern may have (anchor C1).</summary>
    public const int MinimumEntropyBits = 60;

    /// <summary>The bits one random symbol carries: the alphabet has 32 symbols.</summary>
    public const int BitsPerSymbol = 5;

    /// <summary>The fewest random symbols: <see cref="MinimumEntropyBits"/> / <see cref="BitsPerSymbol"/>.</summary>
    public const int MinRandomLength = MinimumEntropyBits / BitsPerSymbol;

    /// <summary>The most random symbols (125 bits), so that a code's random part fits in 128 bits.</summary>
    public const int MaxRandomLength = 25;

    /// <summary>The longest prefix, in symbols.</summary>
    public const int MaxPrefixLength = 16;

    /// <summary>The largest group size.</summary>
    public const int MaxGroupSize = 16;

    /// <summary>The random length of <see cref="Default"/>: 12 symbols, 60 bits.</summary>
    public const int DefaultRandomLength = MinRandomLength;

    /// <summary>The group size of <see cref="Default"/>.</summary>
    public const int DefaultGroupSize = 4;

    /// <summary>The separator of <see cref="Default"/>.</summary>
    public const char DefaultSeparator = '-';

    private CouponCodePattern(string prefix, int randomLength, int groupSize, char separator, bool validated)
    {
        Debug.Assert(validated, "Only called with validated settings.");
        Prefix = prefix;
        RandomLength = randomLength;
        GroupSize = groupSize;
        Separator = separator;
        PrefixRemainder = CouponCodeCheckSymbol.Extend(0, prefix);
    }

    /// <summary>Creates a pattern, validating every setting.</summary>
    /// <param name="prefix">
    /// The prefix, or <see langword="null"/> or empty for none. It is normalized like a code (upper-cased invariantly,
    /// spaces and dashes dropped, <c>O</c>→<c>0</c>, <c>I</c>/<c>L</c>→<c>1</c>) and must then be code symbols only.
    /// </param>
    /// <param name="randomLength">The number of random symbols, <see cref="MinRandomLength"/> to <see cref="MaxRandomLength"/>.</param>
    /// <param name="groupSize">The printed group size, 1 to <see cref="MaxGroupSize"/>, or 0 to print without separators.</param>
    /// <param name="separator">The printed separator between groups: a space or a dash.</param>
    /// <exception cref="FieldValidationException">A setting is invalid; every invalid setting is listed.</exception>
    /// <exception cref="CouponCodeEntropyTooLowException">
    /// Every setting has a valid shape, but <paramref name="randomLength"/> gives fewer than <see cref="MinimumEntropyBits"/> bits.
    /// </exception>
    public CouponCodePattern(string? prefix = null, int randomLength = DefaultRandomLength, int groupSize = DefaultGroupSize, char separator = DefaultSeparator)
        : this(Validated(prefix, randomLength, groupSize, separator), randomLength, groupSize, separator, validated: true)
    {
    }

    /// <summary>No prefix, 12 random symbols (60 bits), groups of 4 joined by <c>-</c>: <c>7K3M-Q9XT-A2B4-V</c>.</summary>
    public static CouponCodePattern Default { get; } = new();

    /// <summary>The canonical prefix (code symbols only), or an empty string.</summary>
    public string Prefix { get; }

    /// <summary>The number of random symbols.</summary>
    public int RandomLength { get; }

    /// <summary>The printed group size; 0 prints the code without separators.</summary>
    public int GroupSize { get; }

    /// <summary>The printed separator between groups.</summary>
    public char Separator { get; }

    /// <summary>The random bits in each code: <see cref="RandomLength"/> × 5.</summary>
    public int EntropyBits => RandomLength * BitsPerSymbol;

    /// <summary>How many distinct codes the pattern can make: 32^<see cref="RandomLength"/>.</summary>
    public BigInteger SpaceSize => BigInteger.Pow(CrockfordBase32.Radix, RandomLength);

    /// <summary>The number of symbols in a canonical code: prefix, random symbols and the check symbol.</summary>
    public int CodeLength => Prefix.Length + RandomLength + 1;

    /// <summary>The check-symbol remainder of the prefix, so a generated code only extends it.</summary>
    internal int PrefixRemainder { get; }

    /// <summary>Tries to create a pattern.</summary>
    /// <param name="prefix">The prefix, or <see langword="null"/> or empty for none.</param>
    /// <param name="randomLength">The number of random symbols.</param>
    /// <param name="groupSize">The printed group size, or 0 for none.</param>
    /// <param name="separator">The printed separator: a space or a dash.</param>
    /// <param name="pattern">The pattern, when every setting is valid.</param>
    /// <param name="errors">
    /// One error per invalid setting, naming it (<c>prefix</c>, <c>random_length</c>, <c>group_size</c>,
    /// <c>separator</c>); too few random bits is <see cref="CouponCodeErrorCodes.InsufficientEntropy"/>.
    /// </param>
    /// <returns><see langword="true"/> when the pattern is valid.</returns>
    public static bool TryCreate(
        string? prefix,
        int randomLength,
        int groupSize,
        char separator,
        [NotNullWhen(true)] out CouponCodePattern? pattern,
        out IReadOnlyList<FieldError> errors)
    {
        var found = Validate(prefix, randomLength, groupSize, separator, out var canonicalPrefix);
        errors = found;
        pattern = found.Count == 0 ? new CouponCodePattern(canonicalPrefix, randomLength, groupSize, separator, validated: true) : null;
        return pattern is not null;
    }

    /// <summary>Parses a code of this pattern, which fixes its length and prefix.</summary>
    /// <param name="value">The code as typed.</param>
    /// <returns>The code, printed as this pattern says.</returns>
    /// <exception cref="FieldValidationException">The code is missing, has a bad symbol, a wrong length or prefix, or a wrong check symbol.</exception>
    public CouponCode Parse(string? value) =>
        TryParse(value, out var code, out var error) ? code : throw new FieldValidationException(error);

    /// <summary>Tries to parse a code of this pattern, which fixes its length and prefix.</summary>
    /// <param name="value">The code as typed.</param>
    /// <param name="code">The code, printed as this pattern says, when valid.</param>
    /// <param name="error">
    /// Why it was refused, when not: as <see cref="CouponCode.TryParse(string?, out CouponCode, out FieldError?, string)"/>,
    /// and <see cref="CouponCodeErrorCodes.WrongPrefix"/> when the code does not start with <see cref="Prefix"/>.
    /// </param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public bool TryParse(string? value, out CouponCode code, [NotNullWhen(false)] out FieldError? error, string field = CouponCode.DefaultField) =>
        CouponCode.TryParseCore(value, this, out code, out error, field);

    /// <summary>
    /// The pattern as a mask, where <c>#</c> is a random symbol and <c>?</c> the check symbol, with its bits:
    /// <c>BDAY-####-####-####-? (60 bits)</c>.
    /// </summary>
    /// <returns>The mask.</returns>
    public override string ToString()
    {
        var mask = Prefix + new string('#', RandomLength) + "?";
        return CouponCodeLayout.Format(mask, Prefix.Length, GroupSize, Separator)
            + string.Create(CultureInfo.InvariantCulture, $" ({EntropyBits} bits)");
    }

    private static string Validated(string? prefix, int randomLength, int groupSize, char separator)
    {
        var errors = Validate(prefix, randomLength, groupSize, separator, out var canonicalPrefix);
        return errors switch
        {
            [] => canonicalPrefix,
            [{ Code: CouponCodeErrorCodes.InsufficientEntropy } error] => throw new CouponCodeEntropyTooLowException(error, randomLength),
            _ => throw new FieldValidationException(errors),
        };
    }

    private static List<FieldError> Validate(string? prefix, int randomLength, int groupSize, char separator, out string canonicalPrefix)
    {
        var errors = new List<FieldError>();
        canonicalPrefix = NormalizePrefix(prefix, errors);
        if (randomLength is < 1 or > MaxRandomLength)
        {
            errors.Add(FieldErrors.Create("random_length", Text(randomLength), FieldErrorCodes.OutOfRange,
                $"is out of range: a pattern has {MinRandomLength} to {MaxRandomLength} random symbols"));
        }
        else if (randomLength < MinRandomLength)
        {
            errors.Add(FieldErrors.Create("random_length", Text(randomLength), CouponCodeErrorCodes.InsufficientEntropy,
                $"gives {randomLength * BitsPerSymbol} random bits; at least {MinimumEntropyBits} are required, so at least {MinRandomLength} random symbols"));
        }

        if (groupSize is < 0 or > MaxGroupSize)
        {
            errors.Add(FieldErrors.Create("group_size", Text(groupSize), FieldErrorCodes.OutOfRange,
                $"is out of range: use 1 to {MaxGroupSize}, or 0 to print codes without separators"));
        }

        if (char.IsControl(separator) || !CrockfordBase32.IsDropped(separator))
        {
            errors.Add(FieldErrors.Create("separator", new string(separator, 1), FieldErrorCodes.Malformed,
                "is not a space or a dash; codes are printed with a separator that parsing drops, so they read back"));
        }

        return errors;
    }

    private static string NormalizePrefix(string? prefix, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return string.Empty;
        }

        var symbols = new System.Text.StringBuilder(prefix.Length);
        for (var i = 0; i < prefix.Length; i++)
        {
            var c = prefix[i];
            if (CrockfordBase32.IsDropped(c))
            {
                continue;
            }

            var value = CrockfordBase32.ValueOf(c);
            if (value is < 0 or >= CrockfordBase32.Radix)
            {
                errors.Add(FieldErrors.Create("prefix", prefix, CouponCodeErrorCodes.InvalidSymbol,
                    $"has {CouponCodeLayout.Describe(prefix, i)} at position {i + 1}, which is not a code symbol (0-9 and A-Z without I, L, O, U; I/L read as 1, O as 0)"));
                return string.Empty;
            }

            symbols.Append(CrockfordBase32.Symbols[value]);
        }

        if (symbols.Length == 0)
        {
            errors.Add(FieldErrors.Create("prefix", prefix, CouponCodeErrorCodes.InvalidSymbol,
                "has no symbols once spaces and dashes are dropped; pass null or an empty string for no prefix"));
        }
        else if (symbols.Length > MaxPrefixLength)
        {
            errors.Add(FieldErrors.Create("prefix", prefix, FieldErrorCodes.TooLong,
                $"has {symbols.Length} symbols; a prefix has at most {MaxPrefixLength}"));
        }

        return symbols.ToString();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
