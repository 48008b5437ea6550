namespace CustomerCare.Coupons.Codes;

/// <summary>
/// Thrown when a <see cref="CouponCodePattern"/> would have fewer than <see cref="CouponCodePattern.MinimumEntropyBits"/>
/// random bits, which makes its codes guessable.
/// </summary>
public sealed class CouponCodeEntropyTooLowException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The error naming the <c>random_length</c> setting and its value.</param>
    /// <param name="randomLength">The random length that was asked for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public CouponCodeEntropyTooLowException(FieldError error, int randomLength)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message, nameof(randomLength))
    {
        Error = error;
        RandomLength = randomLength;
    }

    /// <summary>The error, with the field <c>random_length</c> and the code <see cref="CouponCodeErrorCodes.InsufficientEntropy"/>.</summary>
    public FieldError Error { get; }

    /// <summary>The random length that was asked for.</summary>
    public int RandomLength { get; }

    /// <summary>The random bits that length gives: <see cref="RandomLength"/> × 5.</summary>
    public int EntropyBits => RandomLength * CouponCodePattern.BitsPerSymbol;
}
