namespace CustomerCare.Feedback.Surveys;

/// <summary>Why a due survey was not sent. Skipped surveys are kept with their reason, never dropped.</summary>
public enum SurveySkipReason
{
    /// <summary>The customer was surveyed within <see cref="SurveyOptions.FatigueWindow"/>.</summary>
    Fatigue = 0,

    /// <summary>Consent is required (<see cref="SurveyOptions.RequireConsent"/>) and the customer has not given it.</summary>
    NoConsent,

    /// <summary>The customer store no longer knows the customer (for example after erasure).</summary>
    UnknownCustomer,

    /// <summary>
    /// The survey was due so long ago (at least <see cref="SurveyOptions.ExpiresAfter"/>) that asking now would be
    /// out of place, as after a long outage or when historic deliveries are imported.
    /// </summary>
    Stale,
}
