using NodaTime;

namespace CustomerCare.Policy.Compensation;

/// <summary>
/// How many compensations one customer may receive in a period, so that recovery stays generous without becoming a
/// money machine. Past the cap, the apology still goes out; only the coupon is withheld.
/// </summary>
public sealed class CompensationCaps
{
    /// <summary>The most compensations per customer within <see cref="Period"/>. Default 3.</summary>
    public int MaxPerCustomer { get; set; } = 3;

    /// <summary>The rolling period the cap counts over. Default 90 days.</summary>
    public Duration Period { get; set; } = Duration.FromDays(90);
}
