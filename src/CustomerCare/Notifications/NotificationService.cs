using CustomerCare.Privacy.Consent;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Notifications;

/// <summary>
/// Puts rendered messages through the <see cref="NotificationGate"/> into the durable outbox: each decision is
/// recorded with the message (<c>gate</c> in its metadata), a refused one is not queued, and a deferred one is queued
/// to leave when the gate allows. A commercial message's consent is read from the <see cref="IConsentLedger"/>, and its
/// purpose is kept in its metadata (<see cref="PurposeKey"/>) so that the <see cref="OutboxDispatcher"/> checks the
/// ledger again when it sends.
/// </summary>
/// <remarks>Idempotent per request id: the outbox's unique key. Thread-safe.</remarks>
public sealed class NotificationService
{
    /// <summary>The metadata key of the gate's reason.</summary>
    public const string GateReasonKey = "gate";

    /// <summary>The metadata key of a commercial message's consent purpose (<c>marketing</c>, <c>profiling</c>, <c>surveys</c>).</summary>
    public const string PurposeKey = "consent_purpose";

    private readonly IOutboxStore _outbox;
    private readonly ICustomerStore _customers;
    private readonly IConsentLedger _consents;
    private readonly NotificationGate _gate;
    private readonly NotificationOptions _options;
    private readonly IClock _clock;

    /// <summary>Creates the service.</summary>
    /// <param name="outbox">The outbox.</param>
    /// <param name="customers">The customer store, for zones.</param>
    /// <param name="consents">The consent ledger, for commercial messages.</param>
    /// <param name="options">The gates' settings.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    public NotificationService(IOutboxStore outbox, ICustomerStore customers, IConsentLedger consents, NotificationOptions options, IClock clock)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
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
        var commercial = request.Kind == MessageKind.Commercial;
        // The gate lets a transactional message through whatever the customer's record, history and consents hold, so
        // none of them is read for one: most notices are transactional, and the history is a query over the outbox.
        var customer = request.Kind != MessageKind.Transactional && request.CustomerId is { } id ? await _customers.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var recent = customer is null
            ? []
            : (await _outbox.SummarizeForCustomerAsync(customer.Id, now - _options.CapPeriod - _options.CapPeriod, cancellationToken).ConfigureAwait(false))
                .Where(m => m.Kind == MessageKind.Commercial && m.Status != OutboxStatus.Cancelled).Select(m => m.DueAt).ToList();
        var consents = commercial && customer is not null ? await _consents.StateAsync(customer.Id, cancellationToken).ConfigureAwait(false) : ConsentState.None;
        ConsentChannel? channel = ConsentChannels.TryFromOutboundChannel(request.Channel, out var covered) ? covered : null;
        var decision = _gate.Decide(request.Kind, request.Purpose, channel, customer, consents, recent, now);
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
            Metadata = commercial
                ? request.Metadata.SetItem(GateReasonKey, decision.Reason).SetItem(PurposeKey, PurposeText(request.Purpose))
                : request.Metadata.SetItem(GateReasonKey, decision.Reason),
        }, cancellationToken).ConfigureAwait(false);
        return (decision, queued);
    }

    /// <summary>The text of a purpose in <see cref="PurposeKey"/>.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns><c>marketing</c>, <c>profiling</c> or <c>surveys</c>.</returns>
    public static string PurposeText(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Marketing => "marketing",
        ConsentPurpose.Profiling => "profiling",
        ConsentPurpose.Surveys => "surveys",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a consent purpose."),
    };

    /// <summary>Reads <see cref="PurposeKey"/> back; a commercial message without it is for <see cref="ConsentPurpose.Marketing"/>.</summary>
    /// <param name="metadata">The message's metadata.</param>
    /// <param name="purpose">The purpose, when readable.</param>
    /// <returns><see langword="false"/> when the value is not a purpose.</returns>
    public static bool TryReadPurpose(IReadOnlyDictionary<string, string> metadata, out ConsentPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        (var known, purpose) = metadata.TryGetValue(PurposeKey, out var text) ? text switch
        {
            "marketing" => (true, ConsentPurpose.Marketing),
            "profiling" => (true, ConsentPurpose.Profiling),
            "surveys" => (true, ConsentPurpose.Surveys),
            _ => (false, ConsentPurpose.Marketing),
        } : (true, ConsentPurpose.Marketing);
        return known;
    }
}
