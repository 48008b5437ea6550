using System.Numerics;
using CustomerCare.Coupons.Codes;

namespace CustomerCare.Tests.Coupons.Codes;

/// <summary>Helpers shared by the coupon-code tests, with an oracle for the check symbol that does not use Horner's rule.</summary>
internal static class Codes
{
    public const string Symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const string CheckSymbols = Symbols + "*~$=U";

    /// <summary>Appends the check symbol: the symbols read as one base-32 number, modulo 37 (Crockford's definition).</summary>
    public static string WithCheck(string canonicalBody)
    {
        var number = BigInteger.Zero;
        foreach (var c in canonicalBody)
        {
            var value = Symbols.IndexOf(c, StringComparison.Ordinal);
            Assert.True(value >= 0, $"'{c}' is not a canonical symbol");
            number = (number * 32) + value;
        }

        return canonicalBody + CheckSymbols[(int)(number % 37)];
    }
}
