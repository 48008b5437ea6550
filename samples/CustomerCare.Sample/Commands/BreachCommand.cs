using System.CommandLine;
using System.Globalization;
using CustomerCare.Notifications;
using CustomerCare.Privacy.Breach;
using CustomerCare.Sample.Simulation;
using CustomerCare.Segments.Rules;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>breach simulate --rule "…"</c>: records a data breach for the customers a segment rule selects, runs the breach
/// notifier, and prints how many notices went to the outbox and the first of them.
/// </summary>
public static class BreachCommand
{
    private const int Shown = 5;

    /// <summary>Creates the command and its <c>simulate</c> subcommand.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rule = new Option<string>("--rule")
        {
            Description = "The segment rule that selects the affected customers, such as \"city = 'İstanbul'\".",
            Required = true,
        };
        var id = new Option<string>("--id") { Description = "The breach id.", DefaultValueFactory = _ => "B-SIM-1" };
        var simulation = new EmptyStoreOptions();
        var simulate = new Command("simulate", "Record a breach for the customers a rule selects and notify each of them through the outbox. An empty store is simulated first.")
        {
            rule,
            id,
        };
        simulation.AddTo(simulate);
        simulate.SetAction((parseResult, cancellationToken) => SimulateAsync(
            context, parseResult.GetValue(rule)!, parseResult.GetValue(id)!, simulation.Settings(parseResult), simulation.AnyGiven(parseResult), cancellationToken));
        return new Command("breach", "Personal-data breach drills.") { simulate };
    }

    /// <summary>Records the breach, notifies, and prints the counts and the first notices.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="rule">The segment rule.</param>
    /// <param name="breachId">The breach id.</param>
    /// <param name="simulation">The simulation to run first when the store is empty.</param>
    /// <param name="simulationGiven">Whether the user typed the simulation options.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code: <see cref="ExitCodes.Usage"/> for a bad rule.</returns>
    public static async Task<int> SimulateAsync(SampleContext context, string rule, string breachId, SimulationSettings simulation, bool simulationGiven, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        BreachAudience audience;
        try
        {
            audience = BreachAudience.Segment(rule);
        }
        catch (SegmentRuleException refused)
        {
            foreach (var line in refused.Errors.SelectMany(error => Reporting.RuleErrorText.Lines(rule, error)))
            {
                await context.Console.Error.WriteLineAsync(line);
            }

            return ExitCodes.Usage;
        }

        var data = await EmptyStore.SimulateIfEmptyAsync(context, simulation, simulationGiven, json: false, cancellationToken);
        if (data.ExitCode != ExitCodes.Ok)
        {
            return data.ExitCode;
        }

        var services = context.Services;
        var notifier = services.GetRequiredService<BreachNotifier>();
        var now = context.Host.Clock.GetCurrentInstant();
        var breach = new DataBreach(
            breachId,
            "Drill: a backup of the order database was left readable.",
            now - NodaTime.Duration.FromDays(1),
            now,
            ["name", "email", "phone", "address"],
            audience,
            new Dictionary<string, BreachNoticeText>(StringComparer.Ordinal)
            {
                ["tr"] = new(["Ad ve soyad", "E-posta adresi", "Telefon numarası", "Teslimat adresi"], "Bu bilgiler sahte e-posta ve SMS'lerde kullanılabilir.", ["Erişimi aynı gün kapattık."], ["Şifre ya da kart bilgisi isteyen mesajlara yanıt vermeyin."], "kvkk@example.com"),
                ["en"] = new(["Full name", "E-mail address", "Phone number", "Delivery address"], "This information could be used in fake e-mails and text messages.", ["We closed the access the same day."], ["Do not answer messages asking for a password or card details."], "privacy@example.com"),
            });
        await notifier.RecordAsync(breach, "sample-dpo", cancellationToken);
        var run = await notifier.NotifyAsync(breachId, "sample-dpo", cancellationToken);
        var deadline = breach.DeadlineAt.ToString("uuuu-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
        var output = context.Console.Out;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Breach {breachId}: {run.Affected} customers affected by \"{rule}\"."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Notices queued to the outbox: {run.Queued} (already there: {run.AlreadyQueued}; no channel: {run.Unreachable.Count})."));
        await output.WriteLineAsync("Authority deadline (72 h from detection): " + deadline);
        var outbox = services.GetRequiredService<IOutboxStore>();
        foreach (var evidence in await notifier.EvidenceAsync(breachId, limit: Shown, cancellationToken: cancellationToken))
        {
            var message = await outbox.FindAsync(evidence.Notification.MessageId, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {evidence.Notification.MessageId}  priority {message?.Priority}  {message?.Kind ?? MessageKind.Transactional}  {evidence.Status}  \"{message?.Subject}\""));
        }

        return ExitCodes.Ok;
    }
}
