namespace CustomerCare.Segments.Rfm;

/// <summary>How a quantile of a sorted sample is computed.</summary>
public enum QuantileMethod
{
    /// <summary>
    /// Nearest rank: the value at rank ⌈p·n⌉ (1-based) of the sorted sample, always one of the data values.
    /// R's <c>quantile(type = 1)</c>.
    /// </summary>
    NearestRank = 0,

    /// <summary>
    /// Linear interpolation between closest ranks: h = (n − 1)·p, then x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
    /// R's default, <c>quantile(type = 7)</c>, and Excel's PERCENTILE.INC.
    /// </summary>
    Interpolated,
}
