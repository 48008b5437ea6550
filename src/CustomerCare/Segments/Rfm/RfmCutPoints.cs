namespace CustomerCare.Segments.Rfm;

/// <summary>The quintile cut points (20th, 40th, 60th and 80th percentiles) the RFM scores were computed from.</summary>
/// <param name="RecencyDays">Days since the last order; fewer days score higher.</param>
/// <param name="Frequency">Standing orders.</param>
/// <param name="Monetary">Net spend.</param>
/// <param name="Method">How the percentiles were computed.</param>
/// <param name="Population">How many customers with orders were scored.</param>
public sealed record RfmCutPoints(
    IReadOnlyList<decimal> RecencyDays,
    IReadOnlyList<decimal> Frequency,
    IReadOnlyList<decimal> Monetary,
    QuantileMethod Method,
    int Population);
