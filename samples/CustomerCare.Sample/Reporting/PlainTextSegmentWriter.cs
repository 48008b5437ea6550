namespace CustomerCare.Sample.Reporting;

/// <summary>Writes segments and the RFM summary as plain, aligned text lines: what CI logs and redirected output get.</summary>
public sealed class PlainTextSegmentWriter : ISegmentReportWriter
{
    private const int LabelWidth = 24;
    private const int ValueWidth = 20;
    private const int CutWidth = 14;

    private readonly TextWriter _output;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where to write.</param>
    public PlainTextSegmentWriter(TextWriter output) => _output = output ?? throw new ArgumentNullException(nameof(output));

    /// <inheritdoc />
    public void WriteSegments(SegmentsReport report)
    {
        _output.WriteLine(SegmentRows.SegmentsHeader(report));
        _output.WriteLine();
        Title(ReportTitles.Segments);
        _output.WriteLine($"  {"Segment",-22}{"Size",10}{"Share",9}{"Entered",9}{"Left",7}  Description");
        foreach (var (name, size, share, entered, left, description) in SegmentRows.Segments(report))
        {
            _output.WriteLine($"  {name,-22}{size,10}{share,9}{entered,9}{left,7}  {description}");
        }

        _output.WriteLine();
        _output.Flush();
    }

    /// <inheritdoc />
    public void WriteRule(RuleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _output.WriteLine(SegmentRows.RuleHeader(report));
        _output.WriteLine();
        foreach (var (label, value) in SegmentRows.Rule(report))
        {
            _output.WriteLine($"  {label,-10}{value}");
        }

        _output.WriteLine();
        Title(ReportTitles.RuleMembers);
        var rank = 0;
        foreach (var member in report.Members)
        {
            _output.WriteLine($"  {++rank,2}. {member.CustomerId,-12} {member.Name,-28} {member.City ?? "-"}");
        }

        if (rank == 0)
        {
            _output.WriteLine("  (none)");
        }

        _output.WriteLine();
        _output.Flush();
    }

    /// <inheritdoc />
    public void WriteRfm(RfmReport report)
    {
        _output.WriteLine(SegmentRows.RfmHeader(report));
        _output.WriteLine();
        Title(ReportTitles.RfmCutPoints);
        var rows = SegmentRows.CutPoints(report);
        if (rows.Count == 0)
        {
            _output.WriteLine("  (no customer has a standing order, so nobody is scored)");
        }
        else
        {
            _output.WriteLine("  " + new string(' ', LabelWidth) + string.Concat(SegmentRows.CutPointHeadings(report).Select(h => h.PadLeft(CutWidth))));
            foreach (var (label, values) in rows)
            {
                _output.WriteLine("  " + label.PadRight(LabelWidth) + string.Concat(values.Select(v => v.PadLeft(CutWidth))));
            }
        }

        _output.WriteLine();
        Section(ReportTitles.RfmSegments, SegmentRows.RfmSegments(report));
        Section(ReportTitles.LifecycleStages, SegmentRows.Lifecycle(report));
        _output.Flush();
    }

    private void Section(string title, IReadOnlyList<(string Label, string Value)> rows)
    {
        Title(title);
        foreach (var (label, value) in rows)
        {
            _output.WriteLine($"  {label.PadRight(LabelWidth)}{value.PadLeft(ValueWidth)}");
        }

        _output.WriteLine();
    }

    private void Title(string title) => _output.WriteLine($"== {title} ==");
}
