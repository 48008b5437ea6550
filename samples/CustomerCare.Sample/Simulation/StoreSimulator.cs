using Bogus;
using CustomerCare.Campaigns;
using CustomerCare.Customers;
using CustomerCare.Orders;
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

    /// <summary>Creates a simulator.</summary>
    /// <param name="processor">The library's event processor.</param>
    /// <param name="clock">The simulated clock, which the simulator advances.</param>
    /// <param name="campaigns">The scheduled campaigns, run once at the end of each simulated day.</param>
    /// <param name="care">The care side of each day: complaints, staff, surveys.</param>
    public StoreSimulator(CustomerEventProcessor processor, FakeClock clock, CampaignScheduler campaigns, Care.CareSimulator care)
    {
        _care = care ?? throw new ArgumentNullException(nameof(care));
        _campaigns = campaigns ?? throw new ArgumentNullException(nameof(campaigns));
        _processor = processor ?? throw new ArgumentNullException(nameof(processor));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Runs a simulation from the clock's current instant.</summary>
    /// <param name="settings">The size and seed.</param>
    /// <param name="progress">Told after each day; called on the simulating thread.</param>
    /// <param name="cancellationToken">Stops the run between events.</param>
    /// <returns>What was sent and how the library answered.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public async Task<SimulationResult> RunAsync(SimulationSettings settings, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var run = new SimulationRun(settings, _clock.GetCurrentInstant());
        var couponsIssued = new Dictionary<string, int>(StringComparer.Ordinal);
        // The care side draws from its own seeded source, so adding it left the store's events as they were.
        var careRandom = new Bogus.Randomizer(settings.Seed + 7919);
        var care = new Care.CareActivity();
        for (var day = 0; day < settings.Days; day++)
        {
            run.PlanDay(day);
            _clock.AdvanceDays(1);
            var now = _clock.GetCurrentInstant();
            while (run.TryTakeDue(now, out var delivery))
            {
                run.Record(delivery, await _processor.ApplyAsync(delivery.Event, cancellationToken).ConfigureAwait(false));
            }

            // A nightly job after the day's events, as a platform would schedule it; the campaigns' catch-up windows cover the day.
            foreach (var result in await _campaigns.RunDueAsync(now, cancellationToken).ConfigureAwait(false))
            {
                couponsIssued[result.CampaignId] = couponsIssued.GetValueOrDefault(result.CampaignId) + result.Issued.Count;
            }

            await _care.RunDayAsync(careRandom, now, care, cancellationToken).ConfigureAwait(false);

            var date = (run.Start + Duration.FromDays(day)).InZone(TimeZones.Istanbul).Date;
            progress?.Report(new SimulationProgress(day + 1, settings.Days, date, run.Applied));
        }

        return run.Result(_clock.GetCurrentInstant()) with { ScheduledCouponsIssued = couponsIssued, Care = care };
    }
}
