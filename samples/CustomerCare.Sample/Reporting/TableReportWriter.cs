using CustomerCare.Sample.Simulation;
using Spectre.Console;

namespace CustomerCare.Sample.Reporting;

/// <summary>Writes the report as Spectre.Console tables, for a terminal.</summary>
public sealed class TableReportWriter : IReportWriter
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates a writer.</summary>
    /// <param name="console">The Spectre.Console console.</param>
    public TableReportWriter(IAnsiConsole console) => _console = console ?? throw new ArgumentNullException(nameof(console));

    /// <inheritdoc />
    public void WriteSimulation(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = LabelValueTable(ReportTitles.Simulation, ReportRows.Simulation(result));
        table.BorderColor(result.IsClean ? Color.Green : Color.Red);
        _console.Write(table);
    }

    /// <inheritdoc />
    public void WriteReport(StoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _console.Write(new Rule($"[bold]Report as of {Markup.Escape(HumanFormat.Date(report.AsOf))}[/] [grey]({report.Currency})[/]").LeftJustified());
        _console.Write(new Columns(
            LabelValueTable(ReportTitles.Customers, ReportRows.Customers(report)),
            LabelValueTable(ReportTitles.OrdersByStatus, ReportRows.Orders(report)),
            LabelValueTable(ReportTitles.Lifecycle, ReportRows.Lifecycle(report))));
        _console.Write(new Columns(
            LabelValueTable(ReportTitles.Revenue, ReportRows.Revenue(report)),
            LabelValueTable(ReportTitles.ReturnsAndCancellations, ReportRows.Returns(report)),
            LabelValueTable(ReportTitles.Campaigns, ReportRows.Campaigns(report))));
        _console.Write(new Columns(
            LabelValueTable(ReportTitles.Care, ReportRows.Care(report)),
            LabelValueTable(ReportTitles.ComplaintsByChannel, ReportRows.ComplaintsByChannel(report)),
            LabelValueTable(ReportTitles.ComplaintsByCategory, ReportRows.ComplaintsByCategory(report))));

        var cities = RankedTable(ReportTitles.TopCities, "City", "Customers");
        foreach (var (city, rank) in report.TopCities.Select((c, i) => (c, i + 1)))
        {
            cities.AddRow(Cell(rank), Markup.Escape(city.City), HumanFormat.Count(city.Customers));
        }

        var categories = RankedTable(ReportTitles.TopCategories, "Category", "Revenue", "Units", "Orders");
        foreach (var (category, rank) in report.TopCategories.Select((c, i) => (c, i + 1)))
        {
            categories.AddRow(Cell(rank), Markup.Escape(category.Category), HumanFormat.Amount(category.Revenue, report.Currency), HumanFormat.Count(category.Units), HumanFormat.Count(category.Orders));
        }

        _console.Write(new Columns(cities, categories));

        var customers = RankedTable(ReportTitles.TopCustomers, "Customer", "Name", "City", "Orders", "Net spend", "Last order");
        foreach (var (customer, rank) in report.TopCustomers.Select((c, i) => (c, i + 1)))
        {
            customers.AddRow(
                Cell(rank),
                Markup.Escape(customer.CustomerId),
                Markup.Escape(customer.Name),
                Markup.Escape(customer.City ?? "-"),
                HumanFormat.Count(customer.Orders),
                HumanFormat.Amount(customer.NetSpend, report.Currency),
                HumanFormat.Date(customer.LastOrderAt));
        }

        _console.Write(customers);
    }

    internal static Table LabelValueTable(string title, IReadOnlyList<(string Label, string Value)> rows)
    {
        // The title heads the label column, so a narrow table never wraps it.
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn($"[bold]{Markup.Escape(title)}[/]").NoWrap())
            .AddColumn(new TableColumn(string.Empty).RightAligned().NoWrap());
        foreach (var (label, value) in rows)
        {
            table.AddRow(Markup.Escape(label), Markup.Escape(value));
        }

        return table;
    }

    private static Table RankedTable(string title, string nameColumn, params string[] numberColumns)
    {
        var table = new Table { Title = new TableTitle($"[bold]{Markup.Escape(title)}[/]") }
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn(nameColumn);
        foreach (var column in numberColumns)
        {
            // Amounts and dates read badly when wrapped; names may wrap on a narrow terminal.
            table.AddColumn(column is "Name" or "City" ? new TableColumn(column) : new TableColumn(column).RightAligned().NoWrap());
        }

        return table;
    }

    private static string Cell(int rank) => HumanFormat.Count(rank);
}
