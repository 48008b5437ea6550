using System.CommandLine;
using CustomerCare.Customers;
using CustomerCare.Import;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>import --customers customers.csv --orders orders.csv [--reviews reviews.csv] [--json]</c>: imports CSV files
/// all-or-nothing (format in <c>docs/csv-format.md</c>), then prints the report.
/// </summary>
public static class ImportCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var customers = new Option<FileInfo>("--customers") { Description = "The customers CSV file.", Required = true };
        var orders = new Option<FileInfo>("--orders") { Description = "The orders CSV file.", Required = true };
        var reviews = new Option<FileInfo?>("--reviews") { Description = "The reviews CSV file (optional)." };
        var json = CommonOptions.Json();
        var command = new Command("import", "Import customers, orders and reviews from CSV files; a bad row refuses the whole import and names its file, line and column.")
        {
            customers, orders, reviews, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            new CsvImportSources(
                CsvSource.FromFile(parseResult.GetValue(customers)!.FullName),
                CsvSource.FromFile(parseResult.GetValue(orders)!.FullName),
                parseResult.GetValue(reviews) is { } file ? CsvSource.FromFile(file.FullName) : null),
            parseResult.GetValue(json),
            cancellationToken));
        return command;
    }

    /// <summary>Imports, then prints the report; refused input prints every error and exits with <see cref="ExitCodes.Usage"/>.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="sources">The files.</param>
    /// <param name="json">Whether to print the report as JSON.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(SampleContext context, CsvImportSources sources, bool json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var summary = await context.Services.GetRequiredService<CsvImporter>().ImportAsync(sources, cancellationToken);
            await MoveClockToLatestDataAsync(context, cancellationToken);
            if (!json)
            {
                await context.Console.Out.WriteLineAsync($"Imported {summary.Customers} customers, {summary.Orders} orders and {summary.Reviews} reviews ({summary.Events} events).");
            }
        }
        catch (CsvImportException refused)
        {
            foreach (var error in refused.Errors)
            {
                await context.Console.Error.WriteLineAsync($"error: {error}");
            }

            if (refused.MoreErrorsCut)
            {
                await context.Console.Error.WriteLineAsync("error: more errors were found; fix these and run again.");
            }

            await context.Console.Error.WriteLineAsync("Nothing was imported.");
            return ExitCodes.Usage;
        }

        return await ReportCommand.RunAsync(context, json, cancellationToken);
    }

    /// <summary>The sample's clock starts at the simulation's first day; imported data is reported as of its own latest instant.</summary>
    private static async Task MoveClockToLatestDataAsync(SampleContext context, CancellationToken cancellationToken)
    {
        var store = context.Services.GetRequiredService<ICustomerStore>();
        var orders = await store.ListOrdersAsync(new Specification<Order>(), cancellationToken);
        var customers = await store.ListAsync(new Specification<Customer>(), cancellationToken);
        var latest = orders
            .SelectMany(o => new[] { o.PlacedAt, o.ShippedAt, o.DeliveredAt, o.CancelledAt, o.LastReturnAt })
            .Concat(customers.Select(c => (Instant?)c.SignedUpAt))
            .Max();
        if (latest is { } instant && instant > context.Host.Clock.GetCurrentInstant())
        {
            context.Host.Clock.Reset(instant);
        }
    }
}
