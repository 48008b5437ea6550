using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Bogus;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Sample.Simulation;

/// <summary>
/// The state of one simulation: the seeded random source, the customers, the events waiting to be delivered and the
/// counts of what the library answered. <see cref="StoreSimulator"/> drives it day by day.
/// </summary>
/// <remarks>Every random draw happens in a fixed order, so a seed always gives the same events.</remarks>
internal sealed class SimulationRun
{
    private const float RetryChance = 0.015f;
    private const double ProfileUpdateChance = 0.0005;

    private readonly Randomizer _random;
    // Retries depend on what the library answered; drawing them from their own source keeps the planned shop the same
    // whether or not a day's events were sent, which lets a run on a kept store replay its earlier days.
    private readonly Randomizer _retryRandom;
    private readonly IdSequence _ids;
    private readonly CustomerFactory _customerFactory;
    private readonly OrderPlanner _planner;
    private readonly SimulatedCustomer[] _customers;
    private readonly HashSet<CustomerCare.Customers.CustomerId> _marketing;
    private readonly EventSchedule _schedule = new();
    private readonly SortedDictionary<string, int> _appliedByKind = new(StringComparer.Ordinal);
    private readonly List<RejectedEvent> _rejections = [];
    private int _delivered;
    private int _retriesSent;
    private int _retriesRecognized;

    /// <param name="settings">The size, days and seed.</param>
    /// <param name="start">The first simulated day.</param>
    /// <param name="registrationDays">The days over which customers register; <see cref="SimulationSettings.Days"/> when <see langword="null"/>.</param>
    public SimulationRun(SimulationSettings settings, Instant start, int? registrationDays = null)
    {
        Settings = settings;
        Start = start;
        var faker = new Faker("tr") { Random = new Randomizer(settings.Seed) };
        _random = faker.Random;
        _retryRandom = new Randomizer(settings.Seed + 104_729);
        _ids = new IdSequence(settings.Seed);
        _customerFactory = new CustomerFactory(faker, start, registrationDays ?? settings.Days, settings.Seed);
        _planner = new OrderPlanner(_random, Catalog.Create(_random), _ids);
        _customers = [.. Enumerable.Range(1, settings.Customers).Select(_customerFactory.Create)];
        _marketing = [.. _customers.Where(c => c.AcceptsMarketing).Select(c => c.Profile.Id)];
        CustomerIds = [.. _customers.Select(c => c.Profile.Id)];
    }

    /// <summary>The ids of every simulated customer, registered yet or not.</summary>
    public IReadOnlyList<CustomerCare.Customers.CustomerId> CustomerIds { get; }

    public SimulationSettings Settings { get; }

    /// <summary>Whether a simulated customer ticked the marketing box at sign-up.</summary>
    public bool AcceptsMarketing(CustomerCare.Customers.CustomerId customerId) =>
        _marketing.Contains(customerId);

    public Instant Start { get; }

    public int Applied { get; private set; }

    /// <summary>Schedules what the customers do on a day: registrations, orders with their whole life, profile updates.</summary>
    public void PlanDay(int day)
    {
        var dayStart = Start + Duration.FromDays(day);
        foreach (var customer in _customers)
        {
            if (day == customer.RegistrationDay)
            {
                _schedule.Add(new ScheduledEvent(new CustomerRegistered(_ids.NextEvent(), customer.Profile), customer.DeliverAt, IsRetry: false));
            }

            if (day < customer.FirstOrderDay)
            {
                continue;
            }

            if (_random.Double() < customer.DailyOrderChance)
            {
                foreach (var planned in _planner.Plan(customer.Profile, dayStart + Duration.FromSeconds(_random.Int(0, 86_399))))
                {
                    _schedule.Add(planned);
                }
            }

            if (_random.Double() < ProfileUpdateChance)
            {
                var updated = new CustomerRegistered(_ids.NextEvent(), _customerFactory.Updated(customer.Profile));
                _schedule.Add(new ScheduledEvent(updated, dayStart + Duration.FromHours(_random.Int(0, 23)), IsRetry: false));
            }
        }
    }

    /// <summary>Takes the next delivery due before an instant.</summary>
    public bool TryTakeDue(Instant before, [NotNullWhen(true)] out ScheduledEvent? delivery) => _schedule.TryTakeDue(before, out delivery);

    /// <summary>Counts the library's answer and, now and then, schedules the same event again as a platform retry.</summary>
    public void Record(ScheduledEvent delivery, EventApplyResult result)
    {
        _delivered++;
        if (delivery.IsRetry)
        {
            _retriesSent++;
        }

        switch (result.Outcome)
        {
            case EventApplyOutcome.Applied:
                Applied++;
                _appliedByKind[delivery.Event.Kind] = _appliedByKind.GetValueOrDefault(delivery.Event.Kind) + 1;
                if (!delivery.IsRetry && _retryRandom.Bool(RetryChance))
                {
                    // The platform missed the acknowledgement and sends the same event again, minutes or hours later.
                    _schedule.Add(delivery with { DeliverAt = delivery.DeliverAt + Duration.FromMinutes(_retryRandom.Int(1, 240)), IsRetry = true });
                }

                break;
            case EventApplyOutcome.Duplicate when delivery.IsRetry:
                _retriesRecognized++;
                break;
            case EventApplyOutcome.Rejected:
                var rejection = result.Rejection;
                _rejections.Add(new RejectedEvent(delivery.Event.Kind, delivery.Event.EventId.Value, rejection?.Code ?? "unknown", rejection?.Message ?? "rejected without a reason"));
                break;
        }
    }

    public SimulationResult Result(Instant end) => new()
    {
        Settings = Settings,
        StartedAt = Start,
        EndedAt = end,
        EventsDelivered = _delivered,
        EventsApplied = Applied,
        AppliedByKind = _appliedByKind.ToImmutableSortedDictionary(StringComparer.Ordinal),
        DuplicatesSent = _retriesSent,
        DuplicatesRecognized = _retriesRecognized,
        Rejections = [.. _rejections],
        EventsInFlight = _schedule.Count,
    };
}
