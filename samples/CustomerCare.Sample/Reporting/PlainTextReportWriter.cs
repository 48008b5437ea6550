using System.Globalization;
using CustomerCare.Sample.Simulation;

namespace CustomerCare.Sample.Reporting;

/// <summary>Writes the report as plain, aligned text lines: what CI logs and redirected output get.</summary>
public sealed class PlainTextReportWriter : IReportWriter
{
    private const int LabelWidth = 34;
    private const int ValueWidth = 24;

    private readonly TextWriter _output;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where to write.</param>
    public PlainTextReportWriter(TextWriter output) => _output = output ?? throw new ArgumentNullException(nameof(output));

    /// <inheritdoc />
    public void WriteSimulation(SimulationResult result)
    {
        Section(ReportTitles.Simulation, ReportRows.Simulation(result));
        _output.Flush();
    }

    /// <inheritdoc />
    public void WriteReport(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _output.WriteLine($"Report as of {HumanFormat.Date(report.AsOf)} ({report.AsOf.ToString("g", CultureInfo.InvariantCulture)}), amounts in {report.Currency}");
        _output.WriteLine();
        Section(ReportTitles.Customers, ReportRows.Customers(report));
        Section(ReportTitles.OrdersByStatus, ReportRows.Orders(report));
        Section(ReportTitles.Revenue, ReportRows.Revenue(report));
        Section(ReportTitles.ReturnsAndCancellations, ReportRows.Returns(report));

        Title(ReportTitles.TopCities);
        Ranked(report.TopCities.Select(c => $"{c.City,-24} {HumanFormat.Count(c.Customers),8} customers"));
        Title(ReportTitles.TopCategories);
        Ranked(report.TopCategories.Select(c =>
            $"{c.Category,-24} {HumanFormat.Amount(c.Revenue, report.Currency),16}  {HumanFormat.Count(c.Units),6} units  {HumanFormat.Count(c.Orders),6} orders"));

        Section(ReportTitles.Lifecycle, ReportRows.Lifecycle(report));
        Section(ReportTitles.Campaigns, ReportRows.Campaigns(report));
        Section(ReportTitles.Care, ReportRows.Care(report));
        Section(ReportTitles.ComplaintsByChannel, ReportRows.ComplaintsByChannel(report));
        Section(ReportTitles.ComplaintsByCategory, ReportRows.ComplaintsByCategory(report));

        Title(ReportTitles.TopCustomers);
        Ranked(report.TopCustomers.Select(c =>
            $"{c.CustomerId,-10} {Shorten(c.Name, 26),-26} {Shorten(c.City ?? "-", 14),-14} {HumanFormat.Count(c.Orders),4} orders  {HumanFormat.Amount(c.NetSpend, report.Currency),16}  last {HumanFormat.Date(c.LastOrderAt)}"));
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

    private void Ranked(IEnumerable<string> lines)
    {
        var rank = 0;
        foreach (var line in lines)
        {
            _output.WriteLine($"  {++rank}. {line}");
        }

        if (rank == 0)
        {
            _output.WriteLine("  (none)");
        }

        _output.WriteLine();
    }

    private static string Shorten(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
