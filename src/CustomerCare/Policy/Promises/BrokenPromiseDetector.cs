using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Policy.Compensation;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Policy.Promises;

/// <summary>
/// Detects broken delivery promises from order events and a daily sweep, and hands each to
/// <see cref="ServiceRecovery"/>: late against the promised date, not delivered long after it, returned damaged or as
/// the wrong item.
/// </summary>
/// <remarks>
/// Events: a delivery after the promised date is late; a return with <see cref="ReturnReason.Damaged"/> or
/// <see cref="ReturnReason.WrongItem"/> is that broken promise. The sweep (<see cref="SweepAsync"/>) finds orders still
/// undelivered past their promise. Detections repeat (every sweep, every redelivered event); recovery is once per order
/// per kind all the same. Thread-safe.
/// </remarks>
public sealed class BrokenPromiseDetector : ICommerceEventObserver
{
    private readonly ICustomerStore _customers;
    private readonly DeliveryPromises _promises;
    private readonly ServiceRecovery _recovery;
    private readonly IClock _clock;

    /// <summary>Creates the detector.</summary>
    /// <param name="customers">The customer store, for orders and zones.</param>
    /// <param name="promises">The delivery-promise rules.</param>
    /// <param name="recovery">Service recovery, called for each detection.</param>
    /// <param name="clock">The clock detections are stamped with.</param>
    public BrokenPromiseDetector(ICustomerStore customers, DeliveryPromises promises, ServiceRecovery recovery, IClock clock)
    {
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _promises = promises ?? throw new ArgumentNullException(nameof(promises));
        _recovery = recovery ?? throw new ArgumentNullException(nameof(recovery));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Checks a committed event for a broken promise.</summary>
    /// <param name="commerceEvent">The event; deliveries and returns are checked, the rest ignored.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when any recovery is done.</returns>
    public async ValueTask OnCommittedAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        switch (commerceEvent)
        {
            case OrderDelivered delivered:
                var order = await _customers.FindOrderAsync(delivered.OrderId, cancellationToken).ConfigureAwait(false);
                if (order?.PromisedDeliveryDate is { } promised)
                {
                    var zone = await ZoneOfAsync(order.CustomerId, cancellationToken).ConfigureAwait(false);
                    if (_promises.IsLate(promised, delivered.OccurredAt, zone))
                    {
                        await RecoverAsync(BrokenPromiseKind.LateDelivery, order, DeliveryPromises.Describe(promised, delivered.OccurredAt, zone), cancellationToken).ConfigureAwait(false);
                    }
                }

                break;
            case OrderReturned { Reason: ReturnReason.Damaged or ReturnReason.WrongItem } returned
                when returned.Reason == ReturnReason.Damaged || _promises.WrongItemIsBroken:
                var kind = returned.Reason == ReturnReason.Damaged ? BrokenPromiseKind.Damaged : BrokenPromiseKind.WrongItem;
                await _recovery.RecoverAsync(new BrokenPromise(kind, returned.CustomerId, SubjectOf(returned.OrderId), _clock.GetCurrentInstant(), $"returned as {returned.Reason}"), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Finds every order still undelivered past its promise and recovers each; run it daily or hourly.</summary>
    /// <param name="now">The instant of the sweep.</param>
    /// <param name="cancellationToken">Cancels the sweep; recoveries done stay done.</param>
    /// <returns>Every recovery of this sweep, new or repeated.</returns>
    public async ValueTask<IReadOnlyList<RecoveryResult>> SweepAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var open = await _customers.ListOrdersAsync(new UndeliveredPromisedOrdersSpecification(), cancellationToken).ConfigureAwait(false);
        var results = new List<RecoveryResult>();
        var zones = new Dictionary<CustomerId, DateTimeZone>();
        foreach (var order in open)
        {
            if (!zones.TryGetValue(order.CustomerId, out var zone))
            {
                zone = await ZoneOfAsync(order.CustomerId, cancellationToken).ConfigureAwait(false);
                zones.Add(order.CustomerId, zone);
            }

            foreach (var kind in _promises.OverdueAt(order, now, zone))
            {
                results.Add(await _recovery.RecoverAsync(
                    new BrokenPromise(kind, order.CustomerId, SubjectOf(order.Id), now, DeliveryPromises.Describe(order.PromisedDeliveryDate!.Value, null, zone)),
                    cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>The subject of a promise broken on an order.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns><c>order:</c> and the identifier.</returns>
    public static string SubjectOf(OrderId orderId) => "order:" + orderId.Value;

    private ValueTask<RecoveryResult> RecoverAsync(BrokenPromiseKind kind, Order order, string detail, CancellationToken cancellationToken) =>
        _recovery.RecoverAsync(new BrokenPromise(kind, order.CustomerId, SubjectOf(order.Id), _clock.GetCurrentInstant(), detail), cancellationToken);

    private async ValueTask<DateTimeZone> ZoneOfAsync(CustomerId customerId, CancellationToken cancellationToken) =>
        (await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false))?.TimeZone ?? TimeZones.Istanbul;
}
