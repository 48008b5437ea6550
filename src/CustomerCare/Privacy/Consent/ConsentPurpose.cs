namespace CustomerCare.Privacy.Consent;

/// <summary>What a consent is for (KVKK asks for explicit consent per purpose).</summary>
/// <remarks>The numeric values are stored (in <see cref="ConsentState.Mask"/> bits and in databases); never renumber them.</remarks>
public enum ConsentPurpose
{
    /// <summary>Commercial electronic messages: campaigns, coupons, newsletters (the İYS scope).</summary>
    Marketing = 0,

    /// <summary>Profiling: using the customer's data to tailor offers.</summary>
    Profiling = 1,

    /// <summary>Satisfaction surveys (CSAT, NPS) after a purchase or a complaint.</summary>
    Surveys = 2,
}
