using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;
using NodaTime;

namespace CustomerCare.Notifications;

/// <summary>
/// The gates before a message leaves (KVKK and İYS for commercial electronic messages). A transactional message always
/// goes now. A commercial one needs the customer's current consent for its purpose on its channel (from the consent
/// ledger), waits out quiet hours in the customer's own zone, and is deferred, never dropped, when the customer already
/// had the capped number in the period.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public sealed class NotificationGate
{
    private readonly NotificationOptions _options;

    /// <summary>Creates the gate.</summary>
    /// <param name="options">The quiet hours and the cap.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    public NotificationGate(NotificationOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
    }

    /// <summary>Decides for one message.</summary>
    /// <param name="kind">Transactional or commercial.</param>
    /// <param name="purpose">What a commercial message is for.</param>
    /// <param name="channel">The consent channel of the message's outbound channel; <see langword="null"/> when no consent channel covers it (a commercial message is then refused).</param>
    /// <param name="customer">The customer, for the zone; <see langword="null"/> when unknown (a commercial message is then refused).</param>
    /// <param name="consents">The customer's current consents, read from the consent ledger.</param>
    /// <param name="recentCommercial">When the customer's commercial messages of the last <see cref="NotificationOptions.CapPeriod"/> were queued to leave.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The decision.</returns>
    public GateDecision Decide(MessageKind kind, ConsentPurpose purpose, ConsentChannel? channel, Customer? customer, ConsentState consents, IReadOnlyList<Instant> recentCommercial, Instant now)
    {
        ArgumentNullException.ThrowIfNull(recentCommercial);
        if (kind == MessageKind.Transactional)
        {
            return new GateDecision(GateOutcome.SendNow, now, "transactional");
        }

        if (customer is null)
        {
            return new GateDecision(GateOutcome.Refused, null, "unknown_customer");
        }

        if (channel is not { } consentChannel)
        {
            return new GateDecision(GateOutcome.Refused, null, "no_consent_channel");
        }

        if (!consents.Allows(purpose, consentChannel))
        {
            return new GateDecision(GateOutcome.Refused, null, "no_consent");
        }

        var at = now;
        var reason = "allowed";
        var window = recentCommercial.Where(t => t > at - _options.CapPeriod).Order().ToList();
        if (window.Count >= _options.MaxCommercialPerPeriod)
        {
            // The cap frees a slot when the oldest message of the full window leaves it.
            at = window[^_options.MaxCommercialPerPeriod] + _options.CapPeriod;
            reason = "frequency_cap";
        }

        var quietEnd = QuietEnd(at, customer.TimeZone);
        if (quietEnd is { } end)
        {
            at = end;
            reason = reason == "allowed" ? "quiet_hours" : reason + "+quiet_hours";
        }

        return at == now ? new GateDecision(GateOutcome.SendNow, now, reason) : new GateDecision(GateOutcome.Deferred, at, reason);
    }

    /// <summary>Whether an instant falls inside quiet hours in a zone.</summary>
    /// <param name="at">The instant.</param>
    /// <param name="zone">The customer's zone.</param>
    /// <returns><see langword="true"/> inside quiet hours.</returns>
    public bool IsQuiet(Instant at, DateTimeZone zone) => QuietEnd(at, zone) is not null;

    private Instant? QuietEnd(Instant at, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = at.InZone(zone);
        var time = local.TimeOfDay;
        var (from, until) = (_options.QuietFrom, _options.QuietUntil);
        if (from == until)
        {
            return null;
        }

        var quiet = from < until ? time >= from && time < until : time >= from || time < until;
        if (!quiet)
        {
            return null;
        }

        var endDate = from < until || time < until ? local.Date : local.Date.PlusDays(1);
        return endDate.At(until).InZoneLeniently(zone).ToInstant();
    }
}
