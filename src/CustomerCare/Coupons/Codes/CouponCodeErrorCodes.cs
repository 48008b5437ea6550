namespace CustomerCare.Coupons.Codes;

/// <summary>
/// The stable <see cref="FieldError.Code"/> values for coupon codes and their patterns, beside the shared
/// <see cref="FieldErrorCodes"/> (<see cref="FieldErrorCodes.Required"/>, <see cref="FieldErrorCodes.OutOfRange"/>,
/// <see cref="FieldErrorCodes.TooLong"/>).
/// </summary>
public static class CouponCodeErrorCodes
{
    /// <summary>A character is not a code symbol, or a check-only symbol (<c>* ~ $ = U</c>) is not last.</summary>
    public const string InvalidSymbol = "invalid_symbol";

    /// <summary>The code has too few or too many symbols.</summary>
    public const string WrongLength = "wrong_length";

    /// <summary>The code does not start with its pattern's prefix.</summary>
    public const string WrongPrefix = "wrong_prefix";

    /// <summary>The check symbol does not match: a symbol was mistyped or two neighbours were swapped.</summary>
    public const string CheckSymbolMismatch = "check_symbol_mismatch";

    /// <summary>A pattern has fewer random bits than <see cref="CouponCodePattern.MinimumEntropyBits"/>.</summary>
    public const string InsufficientEntropy = "insufficient_entropy";
}
