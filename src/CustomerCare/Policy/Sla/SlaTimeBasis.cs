namespace CustomerCare.Policy.Sla;

/// <summary>Whether a channel's targets count business time or elapsed time.</summary>
public enum SlaTimeBasis
{
    /// <summary>Business time on the policy's business calendar: closed hours and holidays do not count.</summary>
    BusinessHours = 0,

    /// <summary>Elapsed time, around the clock (social media, where customers expect an answer at any hour).</summary>
    AroundTheClock = 1,
}
