using CustomerCare.Segments.Lifecycle;
using CustomerCare.Segments.Rfm;
using CustomerCare.Segments.Rules;

namespace CustomerCare.Sample.Reporting;

/// <summary>
/// The names the segment rule language gives RFM segments and lifecycle stages (<c>rfm_segment = 'at_risk'</c>,
/// <c>lifecycle = 'new'</c>), so that what the sample prints can be pasted into <c>segments --rule</c>.
/// </summary>
public static class SegmentNames
{
    /// <summary>RFM segments in the order they are shown: best first, customers without orders last.</summary>
    public static IReadOnlyList<RfmSegment> RfmOrder { get; } =
        [RfmSegment.Champions, RfmSegment.Loyal, RfmSegment.AtRisk, RfmSegment.Hibernating, RfmSegment.Lost, RfmSegment.New, RfmSegment.None];

    /// <summary>Lifecycle stages in the order a customer goes through them.</summary>
    public static IReadOnlyList<LifecycleStage> LifecycleOrder { get; } =
        [LifecycleStage.Prospect, LifecycleStage.New, LifecycleStage.Active, LifecycleStage.AtRisk, LifecycleStage.Lapsed];

    /// <summary>The rule-language name of an RFM segment.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The name, such as <c>at_risk</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined segment.</exception>
    public static string Of(RfmSegment segment) => NameOf("rfm_segment", (int)segment, nameof(segment), segment);

    /// <summary>The rule-language name of a lifecycle stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name, such as <c>at_risk</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined stage.</exception>
    public static string Of(LifecycleStage stage) => NameOf("lifecycle", (int)stage, nameof(stage), stage);

    /// <summary>The name of a quantile method in the sample's output.</summary>
    /// <param name="method">The method.</param>
    /// <returns><c>nearest_rank</c> or <c>interpolated</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined method.</exception>
    public static string Of(QuantileMethod method) => method switch
    {
        QuantileMethod.NearestRank => "nearest_rank",
        QuantileMethod.Interpolated => "interpolated",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a quantile method."),
    };

    // The rule language's choice names are listed in enum order, so the library stays the one place they are spelt.
    private static string NameOf(string attribute, int index, string parameter, object value)
    {
        SegmentFields.TryFind(attribute, out var field);
        return index >= 0 && index < field!.Choices.Count
            ? field.Choices[index]
            : throw new ArgumentOutOfRangeException(parameter, value, $"Not a value of {attribute}.");
    }
}
