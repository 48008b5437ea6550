using System.Collections.Immutable;
using Bogus;
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
    private const float RetryChance = 0.015f;
    private const double ProfileUpdateChance = 0.0005;

    private readonly CustomerEventProcessor _processor;
    private readonly FakeClock _clock;

    /// <summary>Creates a simulator.</summary>
    /// <param name="processor">The library's event processor.</param>
    /// <param name="clock">The simulated clock, which the simulator advances.</param>
    public StoreSimulator(CustomerEventProcessor processor, FakeClock clock)
    {
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
        var start = _clock.GetCurrentInstant();
        var faker = new Faker("tr") { Random = new Randomizer(settings.Seed) };
        var random = faker.Random;
        var ids = new IdSequence(settings.Seed);
        var customerFactory = new CustomerFactory(faker, start, settings.Days, settings.Seed);
        var planner = new OrderPlanner(random, Catalog.Create(random), ids);
        var customers = Enumerable.Range(1, settings.Customers).Select(customerFactory.Create).ToArray();
        var tally = new Tally();
        var schedule = new EventSchedule();

        for (var day = 0; day < settings.Days; day++)
        {
            var dayStart = start + Duration.FromDays(day);
            foreach (var customer in customers)
            {
                PlanDay(customer, day, dayStart, schedule, planner, customerFactory, ids, random);
            }

            _clock.AdvanceDays(1);
            await DeliverDueAsync(schedule, random, tally, cancellationToken).ConfigureAwait(false);
            progress?.Report(new SimulationProgress(day + 1, settings.Days, dayStart.InZone(TimeZones.Istanbul).Date, tally.Applied));
        }

        return new SimulationResult
        {
            Settings = settings,
            StartedAt = start,
            EndedAt = _clock.GetCurrentInstant(),
            EventsDelivered = tally.Delivered,
            EventsApplied = tally.Applied,
            AppliedByKind = tally.AppliedByKind.ToImmutableSortedDictionary(StringComparer.Ordinal),
            DuplicatesSent = tally.RetriesSent,
            DuplicatesRecognized = tally.RetriesRecognized,
            Rejections = [.. tally.Rejections],
            EventsInFlight = schedule.Count,
        };
    }

    private static void PlanDay(SimulatedCustomer customer, int day, Instant dayStart, EventSchedule schedule, OrderPlanner planner, CustomerFactory factory, IdSequence ids, Randomizer random)
    {
        if (day == customer.RegistrationDay)
        {
            var registered = new CustomerRegistered(ids.NextEvent(), customer.Profile);
            schedule.Add(new ScheduledEvent(registered, customer.DeliverAt, IsRetry: false));
        }

        if (day < customer.FirstOrderDay)
        {
            return;
        }

        if (random.Double() < customer.DailyOrderChance)
        {
            foreach (var planned in planner.Plan(customer.Profile, dayStart + Duration.FromSeconds(random.Int(0, 86_399))))
            {
                schedule.Add(planned);
            }
        }

        if (random.Double() < ProfileUpdateChance)
        {
            var updated = factory.Updated(customer.Profile);
            schedule.Add(new ScheduledEvent(new CustomerRegistered(ids.NextEvent(), updated), dayStart + Duration.FromHours(random.Int(0, 23)), IsRetry: false));
        }
    }

    private async Task DeliverDueAsync(EventSchedule schedule, Randomizer random, Tally tally, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        while (schedule.TryTakeDue(now, out var delivery))
        {
            var result = await _processor.ApplyAsync(delivery.Event, cancellationToken).ConfigureAwait(false);
            tally.Count(delivery, result);
            if (!delivery.IsRetry && result.Outcome == EventApplyOutcome.Applied && random.Bool(RetryChance))
            {
                // The platform did not see the acknowledgement and sends the same event again, minutes or hours later.
                schedule.Add(delivery with { DeliverAt = delivery.DeliverAt + Duration.FromMinutes(random.Int(1, 240)), IsRetry = true });
            }
        }
    }

    /// <summary>The counts of one run.</summary>
    private sealed class Tally
    {
        public int Delivered { get; private set; }

        public int Applied { get; private set; }

        public int RetriesSent { get; private set; }

        public int RetriesRecognized { get; private set; }

        public SortedDictionary<string, int> AppliedByKind { get; } = new(StringComparer.Ordinal);

        public List<RejectedEvent> Rejections { get; } = [];

        public void Count(ScheduledEvent delivery, EventApplyResult result)
        {
            Delivered++;
            if (delivery.IsRetry)
            {
                RetriesSent++;
            }

            switch (result.Outcome)
            {
                case EventApplyOutcome.Applied:
                    Applied++;
                    AppliedByKind[delivery.Event.Kind] = AppliedByKind.GetValueOrDefault(delivery.Event.Kind) + 1;
                    break;
                case EventApplyOutcome.Duplicate when delivery.IsRetry:
                    RetriesRecognized++;
                    break;
                case EventApplyOutcome.Rejected:
                    var rejection = result.Rejection;
                    Rejections.Add(new RejectedEvent(delivery.Event.Kind, delivery.Event.EventId.Value, rejection?.Code ?? "?", rejection?.Message ?? "rejected without a reason"));
                    break;
            }
        }
    }
}
