using NodaTime;

namespace CustomerCare.Complaints.Intake;

/// <summary>The bounds the intake enforces, so that hostile input cannot flood a store or a log.</summary>
public static class ComplaintLimits
{
    /// <summary>The longest complaint text accepted, in UTF-16 code units.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>The longest title accepted.</summary>
    public const int MaxTitleLength = 300;

    /// <summary>The longest source reference accepted.</summary>
    public const int MaxSourceReferenceLength = 200;

    /// <summary>The longest author handle accepted.</summary>
    public const int MaxAuthorHandleLength = 200;

    /// <summary>The longest product identifier accepted.</summary>
    public const int MaxProductIdLength = 128;

    /// <summary>How far in the future a source's timestamp may be (clock skew) before it is refused.</summary>
    public static readonly Duration MaxClockSkew = Duration.FromMinutes(5);
}
