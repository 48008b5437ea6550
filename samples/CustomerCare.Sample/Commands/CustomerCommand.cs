using System.CommandLine;
using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Privacy;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Privacy.Export;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>customer export --id X [--out file]</c> prints (or writes) everything the store holds about one customer as JSON;
/// <c>customer erase --id X</c> erases the customer's personal data in every store and prints what changed.
/// </summary>
public static class CustomerCommand
{
    /// <summary>Creates the <c>customer</c> command and its <c>export</c> and <c>erase</c> subcommands.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exportId = Id();
        var output = new Option<string?>("--out") { Description = "Write the JSON to this file instead of standard output." };
        var export = new Command("export", "Print everything the stores hold about one customer, as JSON (schema customercare.customer-export/1).") { exportId, output };
        export.SetAction((parseResult, cancellationToken) => ExportAsync(context, parseResult.GetValue(exportId)!, parseResult.GetValue(output), cancellationToken));

        var eraseId = Id();
        var erase = new Command("erase", "Erase one customer's personal data in every store; totals and usage counts stay.") { eraseId };
        erase.SetAction((parseResult, cancellationToken) => EraseAsync(context, parseResult.GetValue(eraseId)!, cancellationToken));
        return new Command("customer", "Export or erase one customer's personal data.") { export, erase };
    }

    /// <summary>Exports a customer.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="id">The customer identifier.</param>
    /// <param name="path">The file to write, or <see langword="null"/> for standard output.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code: 0, 1 for an unknown customer, 2 for a malformed identifier.</returns>
    public static async Task<int> ExportAsync(SampleContext context, string id, string? path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await ParseAsync(context, id) is not { } customerId)
        {
            return ExitCodes.Usage;
        }

        try
        {
            var export = await context.Services.GetRequiredService<CustomerDataExporter>().ExportAsync(customerId, cancellationToken);
            if (path is null)
            {
                await context.Console.Out.WriteLineAsync(export.ToJson());
            }
            else
            {
                await using var file = File.Create(path);
                await export.WriteToAsync(file, cancellationToken);
                await context.Console.Out.WriteLineAsync($"Wrote the export of {customerId.Value} ({export.Sections.Count.ToString(CultureInfo.InvariantCulture)} sections) to {path}.");
            }

            return ExitCodes.Ok;
        }
        catch (UnknownCustomerException e)
        {
            await context.Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Error;
        }
    }

    /// <summary>Erases a customer and prints the report, one line per store.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="id">The customer identifier.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code: 0 when complete, 1 for an unknown customer or a store that failed (run it again), 2 for a malformed identifier.</returns>
    public static async Task<int> EraseAsync(SampleContext context, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await ParseAsync(context, id) is not { } customerId)
        {
            return ExitCodes.Usage;
        }

        ErasureReport report;
        try
        {
            report = await context.Services.GetRequiredService<CustomerEraser>().EraseAsync(customerId, cancellationToken);
        }
        catch (UnknownCustomerException e)
        {
            await context.Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Error;
        }

        var console = context.Console.Out;
        await console.WriteLineAsync($"Erased {report.CustomerId.Value}: {report.TotalChanged.ToString(CultureInfo.InvariantCulture)} records changed.");
        foreach (var store in report.Stores)
        {
            await console.WriteLineAsync(store.Error is null ? $"  {store.Store}: {store.Changes}" : $"  {store.Store}: FAILED {store.Error}");
        }

        if (!report.IsComplete)
        {
            await context.Console.Error.WriteLineAsync("error: the erasure is incomplete; run it again to finish the rest.");
            return ExitCodes.Error;
        }

        return ExitCodes.Ok;
    }

    private static Option<string> Id() => new("--id") { Description = "The customer identifier.", Required = true };

    private static async Task<CustomerId?> ParseAsync(SampleContext context, string id)
    {
        if (CustomerId.TryFrom(id, out var customerId, out var error))
        {
            return customerId;
        }

        await context.Console.Error.WriteLineAsync($"error: {error}");
        return null;
    }
}
