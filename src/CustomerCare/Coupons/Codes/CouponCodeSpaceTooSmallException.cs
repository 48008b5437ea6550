using System.Globalization;
using System.Numerics;

namespace CustomerCare.Coupons.Codes;

/// <summary>
/// Thrown before any code is drawn when a pattern's space is smaller than
/// <see cref="CouponCodeGenerator.SpaceFactor"/> times the number of codes asked for: so many codes would make valid
/// codes easy to guess and collisions with the store frequent.
/// </summary>
public sealed class CouponCodeSpaceTooSmallException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="count">The number of codes asked for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    public CouponCodeSpaceTooSmallException(CouponCodePattern pattern, long count)
        : base(BuildMessage(pattern, count), nameof(count))
    {
        Pattern = pattern;
        Count = count;
    }

    /// <summary>The pattern whose space is too small.</summary>
    public CouponCodePattern Pattern { get; }

    /// <summary>The number of codes asked for.</summary>
    public long Count { get; }

    /// <summary>The pattern's space: 32^<see cref="CouponCodePattern.RandomLength"/>.</summary>
    public BigInteger SpaceSize => Pattern.SpaceSize;

    /// <summary>The space the count needs: <see cref="CouponCodeGenerator.SpaceFactor"/> × <see cref="Count"/>.</summary>
    public BigInteger RequiredSpaceSize => (BigInteger)CouponCodeGenerator.SpaceFactor * Count;

    private static string BuildMessage(CouponCodePattern pattern, long count)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"The coupon code pattern {pattern} has a space of {pattern.SpaceSize:N0} codes, less than {CouponCodeGenerator.SpaceFactor:N0} × {count:N0} = {(BigInteger)CouponCodeGenerator.SpaceFactor * count:N0} needed for {count:N0} codes; add random symbols to the pattern.");
    }
}
