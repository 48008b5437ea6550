using NodaTime;

namespace CustomerCare.Notifications;

/// <summary>What the gates decided for one message.</summary>
public enum GateOutcome
{
    /// <summary>It may leave now.</summary>
    SendNow = 0,

    /// <summary>It may leave later, at <see cref="GateDecision.SendAt"/>.</summary>
    Deferred,

    /// <summary>It may not leave at all.</summary>
    Refused,
}

/// <summary>The gates' decision and the reason, recorded with the message.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="SendAt">When it may leave; <see langword="null"/> when refused.</param>
/// <param name="Reason">Why, such as <c>transactional</c>, <c>quiet_hours</c>, <c>frequency_cap</c>, <c>no_consent</c>, <c>no_consent_channel</c> or <c>unknown_customer</c>.</param>
public sealed record GateDecision(GateOutcome Outcome, Instant? SendAt, string Reason);
