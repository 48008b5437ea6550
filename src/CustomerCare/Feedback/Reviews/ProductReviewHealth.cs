namespace CustomerCare.Feedback.Reviews;

/// <summary>How a product's recent reviews look, and whether that flags it.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="ReviewCount">How many reviews were counted: the last <see cref="ReviewHealthOptions.RecentReviewCount"/> within <see cref="ReviewHealthOptions.Window"/>.</param>
/// <param name="AverageRating">Their average rating, unrounded; 0 when none were counted.</param>
/// <param name="NegativeShare">The share of them rated 1 or 2 stars, 0 to 1, unrounded; 0 when none were counted.</param>
/// <param name="Reasons">Why the product is flagged; <see cref="ReviewFlagReasons.None"/> when it is not.</param>
public sealed record ProductReviewHealth(string ProductId, int ReviewCount, decimal AverageRating, decimal NegativeShare, ReviewFlagReasons Reasons)
{
    /// <summary>Whether the product is flagged.</summary>
    public bool IsFlagged => Reasons != ReviewFlagReasons.None;
}
