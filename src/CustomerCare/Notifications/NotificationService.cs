using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Notifications;

/// <summary>
/// Puts rendered messages through the <see cref="NotificationGate"/> into the durable outbox: each decision is
/// recorded with the message (<c>gate</c> in its metadata), a refused one is not queued, and a deferred one is queued
/// to leave when the gate allows.
/// </summary>
/// <remarks>Idempotent per request id: the outbox's unique key. Thread-safe.</remarks>
public sealed class NotificationService
{
    /// <summary>The metadata key of the gate's reason.</summary>
    public const string GateReasonKey = "gate";

    private readonly IOutboxStore _outbox;
    private readonly ICustomerStore _customers;
    private readonly NotificationGate _gate;
    private readonly NotificationOptions _options;
    private readonly IClock _clock;

    /// <summary>Creates the service.</summary>
    /// <param name="outbox">The outbox.</param>
    /// <param name="customers">The customer store, for consent and zones.</param>
    /// <param name="options">The gates' settings.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    public NotificationService(IOutboxStore outbox, ICustomerStore customers, NotificationOptions options, IClock clock)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _gate = new NotificationGate(options);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Decides for a message and queues it unless refused.</summary>
    /// <param name="request">The message.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The decision, and whether this call queued it (<see langword="false"/> when refused or queued before).</returns>
    /// <exception cref="FieldValidationException">The id or the channel is malformed.</exception>
    public async ValueTask<(GateDecision Decision, bool Queued)> EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new[] { Identifiers.Check(request.Id, 200, "id"), Identifiers.Check(request.Channel, 64, "channel"), Identifiers.Check(request.Recipient, 320, "recipient") }
            .OfType<FieldError>().ToList();
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        var now = _clock.GetCurrentInstant();
        var customer = request.CustomerId is { } id ? await _customers.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var recent = customer is null
            ? []
            : (await _outbox.ListForCustomerAsync(customer.Id, now - _options.CapPeriod - _options.CapPeriod, cancellationToken).ConfigureAwait(false))
                .Where(m => m.Kind == MessageKind.Commercial).Select(m => m.DueAt).ToList();
        var decision = _gate.Decide(request.Kind, customer, recent, now);
        if (decision.Outcome == GateOutcome.Refused)
        {
            return (decision, false);
        }

        var queued = await _outbox.EnqueueAsync(new OutboxMessage
        {
            Id = request.Id,
            Channel = request.Channel,
            Recipient = request.Recipient,
            Subject = request.Subject,
            Body = request.Body,
            ContentType = request.ContentType,
            Kind = request.Kind,
            Priority = request.Priority,
            CustomerId = request.CustomerId,
            EnqueuedAt = now,
            DueAt = decision.SendAt ?? now,
            Metadata = request.Metadata.SetItem(GateReasonKey, decision.Reason),
        }, cancellationToken).ConfigureAwait(false);
        return (decision, queued);
    }
}
