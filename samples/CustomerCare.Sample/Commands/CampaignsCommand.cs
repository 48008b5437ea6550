using System.CommandLine;
using System.Globalization;
using CustomerCare.Campaigns;
using CustomerCare.Customers;
using CustomerCare.Sample.Reporting;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>campaigns run --date yyyy-MM-dd [--json]</c>: runs every scheduled campaign (first purchase, birthday, loyalty,
/// win-back) at 23:59 Istanbul time on that date and prints what each issued; an empty store is simulated first.
/// Running it again for the same date issues nothing.
/// </summary>
public static class CampaignsCommand
{
    /// <summary>How many issued coupons the output lists.</summary>
    public const int ListedCount = 10;

    /// <summary>Creates the <c>campaigns</c> command and its <c>run</c> subcommand.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var date = new Option<string>("--date")
        {
            Description = "The day to run the campaigns for, yyyy-MM-dd; they run at 23:59 Europe/Istanbul.",
            Required = true,
        };
        var json = CommonOptions.Json();
        var simulation = new EmptyStoreOptions();
        var run = new Command("run", "Run every scheduled campaign as of a date and list the coupons each issued. An empty store is simulated first.")
        {
            date,
            json,
        };
        simulation.AddTo(run);
        run.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult.GetValue(date) ?? string.Empty,
            parseResult.GetValue(json),
            simulation.Settings(parseResult),
            simulation.AnyGiven(parseResult),
            cancellationToken));
        return new Command("campaigns", "Run the marketing campaigns.") { run };
    }

    /// <summary>Runs the campaigns as of a date and writes the result; a bad date exits with <see cref="ExitCodes.Usage"/>.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="date">The date, yyyy-MM-dd.</param>
    /// <param name="json">Whether to write one JSON document.</param>
    /// <param name="simulation">The simulation to run first when the store is empty.</param>
    /// <param name="simulationGiven">Whether the user typed the simulation options.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(SampleContext context, string date, bool json, Simulation.SimulationSettings simulation, bool simulationGiven, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parsed = LocalDatePattern.Iso.Parse(date);
        if (!parsed.Success)
        {
            await context.Console.Error.WriteLineAsync($"option '--date': value '{date}' is not a date in the form yyyy-MM-dd");
            return ExitCodes.Usage;
        }

        var data = await EmptyStore.SimulateIfEmptyAsync(context, simulation, simulationGiven, json, cancellationToken);
        if (data.ExitCode != ExitCodes.Ok)
        {
            return data.ExitCode;
        }

        // Late in the Istanbul evening, the issue hour has passed on that date in nearly every zone the store serves.
        var at = parsed.Value.At(new LocalTime(23, 59)).InZoneLeniently(TimeZones.Istanbul).ToInstant();
        var results = await context.Services.GetRequiredService<CampaignScheduler>().RunDueAsync(at, cancellationToken);
        var coupons = context.Services.GetRequiredService<ICouponStore>();
        var reports = new List<CampaignRunReport>(results.Count);
        foreach (var result in results)
        {
            var listed = new List<IssuedCoupon>();
            foreach (var grant in result.Issued.Take(ListedCount))
            {
                var coupon = await coupons.FindCouponAsync(grant.Code, cancellationToken);
                listed.Add(new IssuedCoupon(grant.CustomerId.Value, grant.Code.ToString(), coupon?.ValidUntil));
            }

            reports.Add(new CampaignRunReport(result.CampaignId, result.RanAt, result.Issued.Count, result.AlreadyGranted, result.Considered, listed));
        }

        if (json)
        {
            JsonOutput.Write(new CampaignsDocument(reports), context.Console.Out);
            return ExitCodes.Ok;
        }

        var output = context.Console.Out;
        foreach (var report in reports)
        {
            await WriteAsync(output, report);
        }

        await output.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    private static async Task WriteAsync(TextWriter output, CampaignRunReport report)
    {
        await output.WriteLineAsync($"== Campaign {report.Campaign} as of {HumanFormat.Date(report.RanAt)} ({report.RanAt.ToString("g", CultureInfo.InvariantCulture)}) ==");
        await output.WriteLineAsync($"  Issued now          {HumanFormat.Count(report.IssuedNow),10}");
        await output.WriteLineAsync($"  Already granted     {HumanFormat.Count(report.AlreadyGranted),10}");
        await output.WriteLineAsync($"  Customers considered{HumanFormat.Count(report.Considered),10}");
        if (report.FirstIssued.Count > 0)
        {
            await output.WriteLineAsync($"  First {report.FirstIssued.Count.ToString(CultureInfo.InvariantCulture)} issued:");
            foreach (var coupon in report.FirstIssued)
            {
                await output.WriteLineAsync($"    {coupon.CustomerId,-12} {coupon.Code,-24} valid until {(coupon.ValidUntil is { } until ? HumanFormat.Date(until) : "-")}");
            }
        }
    }
}

/// <summary>The JSON document <c>campaigns run --json</c> writes.</summary>
/// <param name="Campaigns">One entry per campaign run.</param>
public sealed record CampaignsDocument(IReadOnlyList<CampaignRunReport> Campaigns);

/// <summary>What one campaign run did.</summary>
/// <param name="Campaign">The campaign identifier.</param>
/// <param name="RanAt">The instant it ran as of.</param>
/// <param name="IssuedNow">Coupons issued by this run.</param>
/// <param name="AlreadyGranted">Due customers who already had theirs.</param>
/// <param name="Considered">Customers looked at.</param>
/// <param name="FirstIssued">The first coupons issued, at most <see cref="CampaignsCommand.ListedCount"/>.</param>
public sealed record CampaignRunReport(string Campaign, Instant RanAt, int IssuedNow, int AlreadyGranted, int Considered, IReadOnlyList<IssuedCoupon> FirstIssued);

/// <summary>A coupon a run issued.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Code">The printed code.</param>
/// <param name="ValidUntil">When it stops being valid.</param>
public sealed record IssuedCoupon(string CustomerId, string Code, Instant? ValidUntil);
