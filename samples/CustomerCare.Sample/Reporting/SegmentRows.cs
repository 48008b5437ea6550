using System.Globalization;
using NodaTime;

namespace CustomerCare.Sample.Reporting;

/// <summary>
/// The text of the segment and RFM output, shared by the plain-text and the table writers so both always show the
/// same figures.
/// </summary>
public static class SegmentRows
{
    /// <summary>The line above the segment list: when, how many customers, and what "entered" and "left" count from.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    public static string SegmentsHeader(SegmentsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<Instant?> previous = [.. report.Segments.Select(s => s.PreviousEvaluationAt).Distinct()];
        var changes = previous switch
        {
            [] => "no segments are defined",
            [null] => "first evaluation, so every member counts as entered",
            [{ } at] => $"entered and left since the evaluation at {Iso(at)}",
            _ => "entered and left since each segment's previous evaluation",
        };
        return $"Segments as of {AsOf(report.AsOf)}: {HumanFormat.Count(report.Customers)} customers; {changes}";
    }

    /// <summary>One row per segment: name, size, share, entered, left, description.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<(string Name, string Size, string Share, string Entered, string Left, string Description)> Segments(SegmentsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Segments.Select(s => (s.Name, HumanFormat.Count(s.Size), HumanFormat.Percent(s.Share), HumanFormat.Count(s.Entered), HumanFormat.Count(s.Left), s.Description ?? string.Empty))];
    }

    /// <summary>The line above an ad-hoc rule's result.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    public static string RuleHeader(RuleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Rule evaluated as of {AsOf(report.AsOf)} over {HumanFormat.Count(report.Customers)} customers";
    }

    /// <summary>The rule, how the library reads it (when that differs from the text typed), and how many customers it selects.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Rule(RuleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<(string, string)> { ("Rule", report.Rule) };
        if (!string.Equals(report.Rule.Trim(), report.CanonicalRule, StringComparison.Ordinal))
        {
            rows.Add(("Read as", report.CanonicalRule));
        }

        rows.Add(("Matches", $"{HumanFormat.Count(report.Size)} of {HumanFormat.Count(report.Customers)} customers ({HumanFormat.Percent(report.Share)})"));
        return rows;
    }

    /// <summary>The line above the RFM summary: when, who is scored, and by which quantile method.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    public static string RfmHeader(RfmReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var method = report.CutPoints.Method switch
        {
            "nearest_rank" => "nearest rank (R type 1)",
            "interpolated" => "linear interpolation (R type 7)",
            var other => other,
        };
        return $"RFM as of {AsOf(report.AsOf)}: {HumanFormat.Count(report.CutPoints.Population)} of {HumanFormat.Count(report.Customers)} customers have standing orders and are scored; quintiles by {method}";
    }

    /// <summary>The column headings of the cut points: the quantiles, such as <c>%20</c>.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The headings.</returns>
    public static IReadOnlyList<string> CutPointHeadings(RfmReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.CutPoints.Quantiles.Select(q => q.ToString("P0", HumanFormat.Culture))];
    }

    /// <summary>The cut points of each measure (recency in days since the last order), or none when no customer has orders.</summary>
    /// <param name="report">The report.</param>
    /// <returns>A label and one value per quantile, for recency, frequency and monetary.</returns>
    public static IReadOnlyList<(string Label, IReadOnlyList<string> Values)> CutPoints(RfmReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cuts = report.CutPoints;
        if (cuts.Population == 0)
        {
            return [];
        }

        return
        [
            ("Recency (days)", [.. cuts.RecencyDays.Select(HumanFormat.Number)]),
            ("Frequency (orders)", [.. cuts.Frequency.Select(HumanFormat.Number)]),
            ("Monetary (net spend)", [.. cuts.Monetary.Select(m => HumanFormat.Amount(m, report.Currency))]),
        ];
    }

    /// <summary>Customers per RFM segment, with their share.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> RfmSegments(RfmReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Counts(report.Segments, report.Customers);
    }

    /// <summary>Customers per lifecycle stage, with their share.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Label and value pairs.</returns>
    public static IReadOnlyList<(string Label, string Value)> Lifecycle(RfmReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Counts(report.Lifecycle, report.Customers);
    }

    private static List<(string Label, string Value)> Counts(IReadOnlyDictionary<string, int> counts, int total) =>
        [.. counts.Select(c => (c.Key, $"{HumanFormat.Count(c.Value)} {("(" + HumanFormat.Percent(total == 0 ? 0m : (decimal)c.Value / total) + ")").PadLeft(9)}"))];

    private static string AsOf(Instant instant) => $"{HumanFormat.Date(instant)} ({Iso(instant)})";

    private static string Iso(Instant instant) => instant.ToString("g", CultureInfo.InvariantCulture);
}
