namespace CustomerCare.Sample.Reporting;

/// <summary>Shows segments, an ad-hoc rule's result and the RFM summary to a person.</summary>
public interface ISegmentReportWriter
{
    /// <summary>Shows every segment's size, share and changes.</summary>
    /// <param name="report">The report.</param>
    void WriteSegments(SegmentsReport report);

    /// <summary>Shows how many customers a rule selects, and the first of them.</summary>
    /// <param name="report">The report.</param>
    void WriteRule(RuleReport report);

    /// <summary>Shows the RFM cut points and the customers per RFM segment and lifecycle stage.</summary>
    /// <param name="report">The report.</param>
    void WriteRfm(RfmReport report);

    /// <summary>Picks tables for a terminal and plain text when output is redirected.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The writer.</returns>
    static ISegmentReportWriter For(SampleConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.IsInteractive ? new TableSegmentWriter(console.Ansi) : new PlainTextSegmentWriter(console.Out);
    }
}
