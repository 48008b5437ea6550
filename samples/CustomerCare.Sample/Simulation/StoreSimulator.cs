using Bogus;
using CustomerCare.Campaigns;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Sample.Simulation;

/// <summary>
/// Runs a Turkish online store day by day through the library: customers register, order, receive parcels, cancel,
/// return and review, and every event goes through <see cref="CustomerEventProcessor.ApplyAsync"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each simulated day the clock moves forward one day and the platform delivers that day's events in the order they
/// happened, the way a nightly batch would. About 1.5 % of events are delivered a second time, as a platform does
/// when it retries; the library must recognize them as duplicates.
/// </para>
/// <para>
/// Everything random comes from one Bogus <see cref="Randomizer"/> seeded by <see cref="SimulationSettings.Seed"/>, and
/// time only from the host's <see cref="FakeClock"/>, so the same seed on a fresh host gives the same store. Not
/// thread-safe: run one simulation at a time per host.
/// </para>
/// </remarks>
public sealed class StoreSimulator
{
    private readonly CustomerEventProcessor _processor;
    private readonly FakeClock _clock;
    private readonly CampaignScheduler _campaigns;
    private readonly Care.CareSimulator _care;
    private readonly OutboxDispatcher _dispatcher;
    private readonly IOutboxStore _outbox;
    private readonly CustomerCare.Privacy.Consent.ConsentService _consents;
    private readonly CustomerCare.Storage.Batching.IWriteBatcher _batches;

    /// <summary>Creates a simulator.</summary>
    /// <param name="processor">The library's event processor.</param>
    /// <param name="clock">The simulated clock, which the simulator advances.</param>
    /// <param name="campaigns">The scheduled campaigns, run once at the end of each simulated day.</param>
    /// <param name="care">The care side of each day: complaints, staff, surveys.</param>
    /// <param name="dispatcher">Sends the day's messages from the outbox.</param>
    /// <param name="outbox">The outbox, to count what waits at the end.</param>
    /// <param name="consents">Records the consents customers give at sign-up.</param>
    /// <param name="batches">Groups each simulated day's writes into a few large transactions, where the store can.</param>
    public StoreSimulator(CustomerEventProcessor processor, FakeClock clock, CampaignScheduler campaigns, Care.CareSimulator care, OutboxDispatcher dispatcher, IOutboxStore outbox, CustomerCare.Privacy.Consent.ConsentService consents, CustomerCare.Storage.Batching.IWriteBatcher batches)
    {
        _batches = batches ?? throw new ArgumentNullException(nameof(batches));
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _care = care ?? throw new ArgumentNullException(nameof(care));
        _campaigns = campaigns ?? throw new ArgumentNullException(nameof(campaigns));
        _processor = processor ?? throw new ArgumentNullException(nameof(processor));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Runs a simulation from the clock's current instant.</summary>
    /// <param name="settings">The size and seed.</param>
    /// <param name="progress">Told after each day; called on the simulating thread.</param>
    /// <param name="cancellationToken">Stops the run between events.</param>
    /// <param name="resume">
    /// How far earlier runs got on this store, or <see langword="null"/> for a fresh one. Their days are planned again
    /// from the seed, so the simulated shop is the same, but their events are not sent again; the run then simulates
    /// <see cref="SimulationSettings.Days"/> more, with the customers the first run registered.
    /// </param>
    /// <returns>What was sent and how the library answered.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public async Task<SimulationResult> RunAsync(SimulationSettings settings, IProgress<SimulationProgress>? progress = null, SimulationCheckpoint? resume = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var resumeAfterDays = resume?.DaysDone ?? 0;
        var start = _clock.GetCurrentInstant();
        var replay = new SimulationRun(settings with { Days = resumeAfterDays + settings.Days }, start, resume?.RegistrationDays);
        for (var day = 0; day < resumeAfterDays; day++)
        {
            // The store already holds these days; planning them again keeps the seeded shop the same.
            replay.PlanDay(day);
            _clock.AdvanceDays(1);
            while (replay.TryTakeDue(_clock.GetCurrentInstant(), out _))
            {
            }
        }

        // Nothing was recorded while replaying, so the run's counters cover this run's days only.
        var run = replay;
        var messages = new MessageTally();
        var couponsIssued = new Dictionary<string, int>(StringComparer.Ordinal);
        // The care side draws from its own seeded source, so adding it left the store's events as they were.
        var careRandom = new Bogus.Randomizer(settings.Seed + 7919);
        var care = new Care.CareActivity();
        for (var day = resumeAfterDays; day < resumeAfterDays + settings.Days; day++)
        {
            run.PlanDay(day);
            _clock.AdvanceDays(1);
            var now = _clock.GetCurrentInstant();
            // The day is one batch: on SQLite its writes share a few large transactions instead of one each. A run that
            // dies mid-day loses only the writes since the last of those commits, as if it had died before making them.
            await using (await _batches.BeginAsync(cancellationToken).ConfigureAwait(false))
            {
                while (run.TryTakeDue(now, out var delivery))
                {
                    if (delivery.Event is CustomerRegistered registered && run.AcceptsMarketing(registered.CustomerId))
                    {
                        // The platform records the sign-up checkbox in the consent ledger before it sends the registration
                        // (whose profile carries the resulting snapshot); the grants' ids are stable, so a retry adds nothing.
                        await _consents.RecordAllAsync(SignUpConsent.Grants(registered.Profile), cancellationToken).ConfigureAwait(false);
                    }

                    run.Record(delivery, await _processor.ApplyAsync(delivery.Event, cancellationToken).ConfigureAwait(false));
                }

                // A nightly job after the day's events, as a platform would schedule it; the campaigns' catch-up windows cover the day.
                foreach (var result in await _campaigns.RunDueAsync(now, cancellationToken).ConfigureAwait(false))
                {
                    couponsIssued[result.CampaignId] = couponsIssued.GetValueOrDefault(result.CampaignId) + result.Issued.Count;
                }

                await _care.RunDayAsync(careRandom, now, care, run.CustomerIds, cancellationToken).ConfigureAwait(false);
                await messages.DispatchAsync(_dispatcher, cancellationToken).ConfigureAwait(false);
            }

            var date = (start + Duration.FromDays(day)).InZone(TimeZones.Istanbul).Date;
            progress?.Report(new SimulationProgress(day + 1 - resumeAfterDays, settings.Days, date, run.Applied));
        }

        var waiting = await _outbox.CountAsync(OutboxStatus.Pending, cancellationToken).ConfigureAwait(false);
        return run.Result(_clock.GetCurrentInstant()) with
        {
            Settings = settings,
            StartedAt = start + Duration.FromDays(resumeAfterDays),
            ScheduledCouponsIssued = couponsIssued,
            Care = care,
            ResumedAfterDays = resumeAfterDays,
            Messages = messages.ToActivity(waiting),
        };
    }
}
