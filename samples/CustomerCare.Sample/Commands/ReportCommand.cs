using System.CommandLine;
using CustomerCare.Sample.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Sample.Commands;

/// <summary><c>report [--json]</c>: the report of whatever the host's store holds.</summary>
public static class ReportCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = CommonOptions.Json();
        var command = new Command("report", "Print the report of what the store holds: customers, orders, revenue, returns, top cities and categories, lifecycle, best customers.")
        {
            json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult.GetValue(json), cancellationToken));
        return command;
    }

    /// <summary>Builds the report and writes it.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="json">Whether to write JSON instead of tables or text.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(SampleContext context, bool json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await context.Services.GetRequiredService<StoreReportBuilder>().BuildAsync(cancellationToken);
        if (json)
        {
            JsonOutput.Write(report, context.Console.Out);
            return ExitCodes.Ok;
        }

        IReportWriter.For(context.Console).WriteReport(report);
        if (report.Customers.Total == 0)
        {
            context.Console.Out.WriteLine($"The store ({context.Host.Options.StoreName}) is empty. Run `simulate` on it first.");
        }

        return ExitCodes.Ok;
    }
}
