using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Feedback.Reviews;

/// <summary>When a product is flagged for its reviews.</summary>
/// <remarks>
/// A product is judged on its last <see cref="RecentReviewCount"/> reviews posted within <see cref="Window"/> before
/// the instant asked about: both bounds apply, so a busy product is judged on its latest reviews and a quiet one is
/// not held to reviews from long ago. Checked when registered and when a <see cref="ReviewHealthMonitor"/> is created;
/// a bad setting throws <see cref="FieldValidationException"/> naming it.
/// </remarks>
public sealed class ReviewHealthOptions
{
    /// <summary>How many of the latest reviews count. Default 20.</summary>
    public int RecentReviewCount { get; set; } = 20;

    /// <summary>How far back reviews count. Default 90 days.</summary>
    public Duration Window { get; set; } = Duration.FromDays(90);

    /// <summary>How many counted reviews a product needs before it can be flagged, so one bad review flags nothing. Default 5.</summary>
    public int MinimumReviews { get; set; } = 5;

    /// <summary>A product whose average rating is below this is flagged. Default 3.0; the average itself (3.0) is not below.</summary>
    public decimal AverageRatingBelow { get; set; } = 3.0m;

    /// <summary>A product whose share of 1–2 star reviews is above this (0 to 1) is flagged. Default 0.40; exactly 40 % is not above.</summary>
    public decimal NegativeShareAbove { get; set; } = 0.40m;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="FieldValidationException">A setting is out of range; every problem is listed.</exception>
    internal void Validate()
    {
        var errors = new List<FieldError>();
        var countValid = RecentReviewCount is >= 1 and <= 10_000;
        if (!countValid)
        {
            errors.Add(FieldErrors.Create(nameof(RecentReviewCount), Text(RecentReviewCount), FieldErrorCodes.OutOfRange, "must be between 1 and 10000"));
        }

        if (Window <= Duration.Zero)
        {
            errors.Add(FieldErrors.Create(nameof(Window), DurationPattern.Roundtrip.Format(Window), FieldErrorCodes.OutOfRange, "must be positive"));
        }

        if (MinimumReviews < 1 || (countValid && MinimumReviews > RecentReviewCount))
        {
            errors.Add(FieldErrors.Create(nameof(MinimumReviews), Text(MinimumReviews), FieldErrorCodes.OutOfRange, $"must be between 1 and {nameof(RecentReviewCount)} ({Text(RecentReviewCount)})"));
        }

        if (AverageRatingBelow is <= 1m or > 5m)
        {
            errors.Add(FieldErrors.Create(nameof(AverageRatingBelow), AverageRatingBelow.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be above 1 and at most 5"));
        }

        if (NegativeShareAbove is < 0m or >= 1m)
        {
            errors.Add(FieldErrors.Create(nameof(NegativeShareAbove), NegativeShareAbove.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be a share from 0 up to, not including, 1 (0.40 is 40 %)"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
