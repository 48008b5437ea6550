namespace CustomerCare;

/// <summary>The stable codes carried by <see cref="FieldError.Code"/>.</summary>
public static class FieldErrorCodes
{
    /// <summary>A required value is missing or blank.</summary>
    public const string Required = "required";

    /// <summary>The value does not have the expected shape (an e-mail without <c>@</c>, a date that is not ISO).</summary>
    public const string Malformed = "malformed";

    /// <summary>The value has the right shape but names nothing that exists (Feb 30, an unknown time zone or currency).</summary>
    public const string Unknown = "unknown";

    /// <summary>The value is outside its allowed range (a negative total, a birthday year in the future).</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>The value is longer than allowed.</summary>
    public const string TooLong = "too_long";

    /// <summary>The value is in a different currency than the one expected.</summary>
    public const string CurrencyMismatch = "currency_mismatch";
}
