namespace CustomerCare.Feedback.Reviews;

/// <summary>Why a product is flagged for its reviews; both may hold at once.</summary>
[Flags]
public enum ReviewFlagReasons
{
    /// <summary>Not flagged.</summary>
    None = 0,

    /// <summary>The average rating is below <see cref="ReviewHealthOptions.AverageRatingBelow"/>.</summary>
    LowAverage = 1,

    /// <summary>The share of 1–2 star reviews is above <see cref="ReviewHealthOptions.NegativeShareAbove"/>.</summary>
    ManyNegative = 2,
}
