using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Feedback.Surveys;

/// <summary>Settings of the after-delivery satisfaction survey: what is asked, when, how often, and what a score leads to.</summary>
/// <remarks>Checked when the surveys are registered and when a <see cref="SurveyService"/> is created; a bad setting throws <see cref="FieldValidationException"/> naming it.</remarks>
public sealed class SurveyOptions
{
    /// <summary>The longest comment accepted with an answer.</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>The question asked. Default <see cref="SurveyKind.Csat"/>.</summary>
    public SurveyKind Kind { get; set; } = SurveyKind.Csat;

    /// <summary>How long after delivery the survey is due, so the customer has used the product. Default 2 days; zero sends at delivery.</summary>
    public Duration DelayAfterDelivery { get; set; } = Duration.FromDays(2);

    /// <summary>
    /// No survey goes to a customer who was sent one less than this long before. Default 30 days; zero turns the rule
    /// off. A survey held back by it is skipped with <see cref="SurveySkipReason.Fatigue"/>.
    /// </summary>
    public Duration FatigueWindow { get; set; } = Duration.FromDays(30);

    /// <summary>How long a sent survey takes an answer. Default 14 days. A survey still unsent this long after it was due is skipped as <see cref="SurveySkipReason.Stale"/>.</summary>
    public Duration ExpiresAfter { get; set; } = Duration.FromDays(14);

    /// <summary>
    /// Whether only customers who gave consent are surveyed. Default <see langword="true"/>. Consent is the customer's
    /// consent for <see cref="Privacy.Consent.ConsentPurpose.Surveys"/> on e-mail (<see cref="Customers.Customer.Consents"/>).
    /// </summary>
    public bool RequireConsent { get; set; } = true;

    /// <summary>How many due surveys one <see cref="SurveyService.SendDueAsync"/> call claims at most. Default 100.</summary>
    public int SendBatchSize { get; set; } = 100;

    /// <summary>A CSAT score at or below this is low and opens a complaint. Default 2.</summary>
    public int CsatLowAtMost { get; set; } = 2;

    /// <summary>A CSAT score at or above this is high and asks for a review. Default 5.</summary>
    public int CsatHighAtLeast { get; set; } = 5;

    /// <summary>An NPS score at or below this is low (a detractor) and opens a complaint. Default 6.</summary>
    public int NpsLowAtMost { get; set; } = 6;

    /// <summary>An NPS score at or above this is high (a promoter) and asks for a review. Default 9.</summary>
    public int NpsHighAtLeast { get; set; } = 9;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="FieldValidationException">A setting is out of range; every problem is listed.</exception>
    internal void Validate()
    {
        var errors = new List<FieldError>();
        if (!SurveyScales.IsDefined(Kind))
        {
            errors.Add(FieldErrors.Create(nameof(Kind), Kind.ToString(), FieldErrorCodes.Unknown, "is not a survey kind; use Csat or Nps"));
        }

        NotNegative(errors, nameof(DelayAfterDelivery), DelayAfterDelivery);
        NotNegative(errors, nameof(FatigueWindow), FatigueWindow);
        if (ExpiresAfter <= Duration.Zero)
        {
            errors.Add(FieldErrors.Create(nameof(ExpiresAfter), DurationPattern.Roundtrip.Format(ExpiresAfter), FieldErrorCodes.OutOfRange, "must be positive"));
        }

        if (SendBatchSize is < 1 or > 10_000)
        {
            errors.Add(FieldErrors.Create(nameof(SendBatchSize), Text(SendBatchSize), FieldErrorCodes.OutOfRange, "must be between 1 and 10000"));
        }

        Thresholds(errors, SurveyKind.Csat, nameof(CsatLowAtMost), CsatLowAtMost, nameof(CsatHighAtLeast), CsatHighAtLeast);
        Thresholds(errors, SurveyKind.Nps, nameof(NpsLowAtMost), NpsLowAtMost, nameof(NpsHighAtLeast), NpsHighAtLeast);
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }

    /// <summary>The follow-up a score calls for under these thresholds.</summary>
    internal SurveyFollowUpAction FollowUpFor(SurveyKind kind, int score)
    {
        var (low, high) = kind == SurveyKind.Csat ? (CsatLowAtMost, CsatHighAtLeast) : (NpsLowAtMost, NpsHighAtLeast);
        return score <= low ? SurveyFollowUpAction.OpenComplaint
            : score >= high ? SurveyFollowUpAction.AskForReview
            : SurveyFollowUpAction.None;
    }

    private static void NotNegative(List<FieldError> errors, string field, Duration value)
    {
        if (value < Duration.Zero)
        {
            errors.Add(FieldErrors.Create(field, DurationPattern.Roundtrip.Format(value), FieldErrorCodes.OutOfRange, "must not be negative"));
        }
    }

    private static void Thresholds(List<FieldError> errors, SurveyKind kind, string lowField, int low, string highField, int high)
    {
        var (min, max) = (SurveyScales.Min(kind), SurveyScales.Max(kind));
        if (low < min || low > max)
        {
            errors.Add(FieldErrors.Create(lowField, Text(low), FieldErrorCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}")));
        }

        if (high < min || high > max)
        {
            errors.Add(FieldErrors.Create(highField, Text(high), FieldErrorCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}")));
        }
        else if (high <= low)
        {
            errors.Add(FieldErrors.Create(highField, Text(high), FieldErrorCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be above {lowField} ({low}), or one score would both open a complaint and ask for a review")));
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
