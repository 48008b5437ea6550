namespace CustomerCare.Coupons.Codes;

/// <summary>
/// Crockford's check symbol: the code read as one base-32 number, modulo 37. See docs/coupon-codes.md for why it
/// catches every single substitution and every adjacent transposition.
/// </summary>
internal static class CouponCodeCheckSymbol
{
    /// <summary>The modulus: the prime 37, one more than the 36 a check symbol can be.</summary>
    public const int Modulus = 37;

    // 32^k mod 37 for every k a code can need, so that a generated code is checked without a division per symbol.
    private static readonly byte[] Powers = BuildPowers();

    /// <summary>32^<paramref name="exponent"/> mod 37, for 0 ≤ exponent ≤ <see cref="CouponCode.MaxLength"/>.</summary>
    public static int PowerOf32(int exponent) => Powers[exponent];

    /// <summary>Extends a running remainder with canonical code symbols (Horner's rule).</summary>
    public static int Extend(int remainder, ReadOnlySpan<char> canonicalSymbols)
    {
        foreach (var c in canonicalSymbols)
        {
            remainder = Step(remainder, CrockfordBase32.ValueOf(c));
        }

        return remainder;
    }

    /// <summary>One Horner step: append a symbol value to the number, keeping only the remainder.</summary>
    public static int Step(int remainder, int value) => ((remainder * CrockfordBase32.Radix) + value) % Modulus;

    /// <summary>The check symbol for canonical code symbols.</summary>
    public static char Compute(ReadOnlySpan<char> canonicalSymbols) => CrockfordBase32.CheckSymbols[Extend(0, canonicalSymbols)];

    private static byte[] BuildPowers()
    {
        var powers = new byte[CouponCode.MaxLength + 1];
        var power = 1;
        for (var k = 0; k < powers.Length; k++)
        {
            powers[k] = (byte)power;
            power = (power * CrockfordBase32.Radix) % Modulus;
        }

        return powers;
    }
}
