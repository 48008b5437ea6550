using Spectre.Console;

namespace CustomerCare.Sample.Reporting;

/// <summary>Writes segments and the RFM summary as Spectre.Console tables, for a terminal.</summary>
public sealed class TableSegmentWriter : ISegmentReportWriter
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates a writer.</summary>
    /// <param name="console">The Spectre.Console console.</param>
    public TableSegmentWriter(IAnsiConsole console) => _console = console ?? throw new ArgumentNullException(nameof(console));

    /// <inheritdoc />
    public void WriteSegments(SegmentsReport report)
    {
        _console.MarkupLine($"[bold]{Markup.Escape(SegmentRows.SegmentsHeader(report))}[/]");
        var table = new Table { Title = new TableTitle($"[bold]{Markup.Escape(ReportTitles.Segments)}[/]") }
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Segment").NoWrap())
            .AddColumn(new TableColumn("Size").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Share").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Entered").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Left").RightAligned().NoWrap())
            .AddColumn("Description");
        foreach (var (name, size, share, entered, left, description) in SegmentRows.Segments(report))
        {
            table.AddRow(Markup.Escape(name), size, share, entered, left, Markup.Escape(description));
        }

        _console.Write(table);
    }

    /// <inheritdoc />
    public void WriteRule(RuleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _console.MarkupLine($"[bold]{Markup.Escape(SegmentRows.RuleHeader(report))}[/]");
        var summary = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn(new TableColumn(string.Empty).NoWrap()).AddColumn(string.Empty);
        foreach (var (label, value) in SegmentRows.Rule(report))
        {
            summary.AddRow(Markup.Escape(label), Markup.Escape(value));
        }

        var members = new Table { Title = new TableTitle($"[bold]{Markup.Escape(ReportTitles.RuleMembers)}[/]") }
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn(new TableColumn("Customer").NoWrap())
            .AddColumn("Name")
            .AddColumn("City");
        foreach (var (member, rank) in report.Members.Select((m, i) => (m, i + 1)))
        {
            members.AddRow(HumanFormat.Count(rank), Markup.Escape(member.CustomerId), Markup.Escape(member.Name), Markup.Escape(member.City ?? "-"));
        }

        _console.Write(summary);
        _console.Write(members);
    }

    /// <inheritdoc />
    public void WriteRfm(RfmReport report)
    {
        _console.MarkupLine($"[bold]{Markup.Escape(SegmentRows.RfmHeader(report))}[/]");
        var cuts = new Table { Title = new TableTitle($"[bold]{Markup.Escape(ReportTitles.RfmCutPoints)}[/]") }
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(string.Empty).NoWrap());
        foreach (var heading in SegmentRows.CutPointHeadings(report))
        {
            cuts.AddColumn(new TableColumn(Markup.Escape(heading)).RightAligned().NoWrap());
        }

        foreach (var (label, values) in SegmentRows.CutPoints(report))
        {
            cuts.AddRow([Markup.Escape(label), .. values.Select(Markup.Escape)]);
        }

        _console.Write(cuts);
        _console.Write(new Columns(
            TableReportWriter.LabelValueTable(ReportTitles.RfmSegments, SegmentRows.RfmSegments(report)),
            TableReportWriter.LabelValueTable(ReportTitles.LifecycleStages, SegmentRows.Lifecycle(report))));
    }
}
