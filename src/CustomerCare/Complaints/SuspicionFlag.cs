namespace CustomerCare.Complaints;

/// <summary>
/// Why a complaint looks suspicious (seed 000: competitors post from fake accounts). A flag is for staff to look at; it
/// never rejects a complaint.
/// </summary>
public enum SuspicionReason
{
    /// <summary>The author matches no customer and no order.</summary>
    UnknownAuthor = 0,

    /// <summary>The same author sent many complaints in a short time.</summary>
    AuthorBurst,

    /// <summary>Many complaints about the same product arrived in a short time.</summary>
    ProductBurst,

    /// <summary>The customer account is very new.</summary>
    NewAccount,
}

/// <summary>One reason a complaint looks suspicious, with the detail staff need.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Detail">What was seen, such as "6 complaints from @x in 1 hour".</param>
public sealed record SuspicionFlag(SuspicionReason Reason, string Detail);
