using CustomerCare.Diagnostics;
using CustomerCare.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Orders;

/// <summary>
/// Applies platform events to the store exactly once: reads the customer and order, runs
/// <see cref="CommerceEventApplier"/>, and commits the result together with a ledger entry.
/// </summary>
/// <remarks>
/// Thread-safe. Concurrent events for the same customer are serialized by the store's version check and retried up
/// to <see cref="CustomerCareOptions.MaxCommitAttempts"/> times; the same event delivered concurrently is applied once.
/// </remarks>
public sealed class CustomerEventProcessor
{
    private readonly ICustomerStore _store;
    private readonly IProcessedEventLedger _ledger;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly int _maxAttempts;
    private readonly ICommerceEventObserver[] _observers;

    /// <summary>Creates a processor.</summary>
    /// <param name="store">The customer store.</param>
    /// <param name="ledger">The processed-event ledger over the same storage.</param>
    /// <param name="clock">The clock that stamps ledger entries.</param>
    /// <param name="options">The library options.</param>
    /// <param name="logger">A logger, or <see langword="null"/>.</param>
    /// <param name="observers">What reacts to committed events (coupon release, campaigns); none when <see langword="null"/>.</param>
    public CustomerEventProcessor(
        ICustomerStore store,
        IProcessedEventLedger ledger,
        IClock clock,
        IOptions<CustomerCareOptions> options,
        ILogger<CustomerEventProcessor>? logger = null,
        IEnumerable<ICommerceEventObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _maxAttempts = options.Value.MaxCommitAttempts;
        _observers = observers?.ToArray() ?? [];
    }

    /// <summary>Applies one event, then tells every <see cref="ICommerceEventObserver"/> (also for a duplicate delivery).</summary>
    /// <param name="commerceEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is written after cancellation.</param>
    /// <returns>Applied, duplicate, or rejected with the reason.</returns>
    /// <exception cref="ConcurrencyException">Other writers kept changing the same customer or order on every attempt.</exception>
    public async ValueTask<EventApplyResult> ApplyAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken = default)
    {
        var result = await CommitAsync(commerceEvent, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != EventApplyOutcome.Rejected)
        {
            foreach (var observer in _observers)
            {
                await observer.OnCommittedAsync(commerceEvent, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    private async ValueTask<EventApplyResult> CommitAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        using var activity = CustomerCareTelemetry.ActivitySource.StartActivity("customercare.event.apply");
        activity?.SetTag("customercare.event.kind", commerceEvent.Kind);
        activity?.SetTag("customercare.event.id", commerceEvent.EventId.Value);

        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            if (await _ledger.ContainsAsync(commerceEvent.EventId, cancellationToken).ConfigureAwait(false))
            {
                return Duplicate(commerceEvent);
            }

            var customer = await _store.FindAsync(commerceEvent.CustomerId, cancellationToken).ConfigureAwait(false);
            var orderId = CommerceEventApplier.OrderOf(commerceEvent);
            var order = orderId is { } id ? await _store.FindOrderAsync(id, cancellationToken).ConfigureAwait(false) : null;
            var transition = CommerceEventApplier.Apply(customer, order, commerceEvent);
            if (transition.IsRejected)
            {
                Log.EventRejected(_logger, commerceEvent.Kind, commerceEvent.EventId.Value, transition.Rejection.Code, transition.Rejection.Message);
                CustomerCareTelemetry.EventsHandled.Add(1, new("kind", commerceEvent.Kind), new("outcome", "rejected"));
                return new EventApplyResult(EventApplyOutcome.Rejected, transition.Rejection);
            }

            var changes = new CustomerChangeSet
            {
                Customers = [new(transition.Customer, customer?.Version ?? 0)],
                Orders = transition.Order is { } next ? [new(next, order?.Version ?? 0)] : [],
                Events = [new ProcessedEvent(commerceEvent.EventId, commerceEvent.Kind, commerceEvent.CustomerId, _clock.GetCurrentInstant())],
            };
            var result = await _store.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case CommitOutcome.Committed:
                    Log.EventApplied(_logger, commerceEvent.Kind, commerceEvent.EventId.Value, commerceEvent.CustomerId.Value);
                    CustomerCareTelemetry.EventsHandled.Add(1, new("kind", commerceEvent.Kind), new("outcome", "applied"));
                    return EventApplyResult.Applied;
                case CommitOutcome.EventAlreadyProcessed:
                    return Duplicate(commerceEvent);
                default:
                    CustomerCareTelemetry.CommitConflicts.Add(1);
                    Log.CommitConflict(_logger, result.ConflictKey ?? "?", commerceEvent.EventId.Value, attempt);
                    break;
            }
        }

        throw new ConcurrencyException($"Event '{commerceEvent.EventId}' could not be applied: customer '{commerceEvent.CustomerId}' changed concurrently on each of {_maxAttempts} attempts.");
    }

    private EventApplyResult Duplicate(CommerceEvent commerceEvent)
    {
        Log.EventDuplicate(_logger, commerceEvent.Kind, commerceEvent.EventId.Value);
        CustomerCareTelemetry.EventsHandled.Add(1, new("kind", commerceEvent.Kind), new("outcome", "duplicate"));
        return EventApplyResult.Duplicate;
    }
}
