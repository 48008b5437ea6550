namespace CustomerCare.Orders;

/// <summary>What happened to one event handed to <see cref="CustomerEventProcessor"/>.</summary>
/// <param name="Outcome">Applied, duplicate or rejected.</param>
/// <param name="Rejection">Why it was rejected, when it was.</param>
public sealed record EventApplyResult(EventApplyOutcome Outcome, EventRejection? Rejection = null)
{
    /// <summary>The event changed the store.</summary>
    public static EventApplyResult Applied { get; } = new(EventApplyOutcome.Applied);

    /// <summary>The event had been applied before; nothing changed.</summary>
    public static EventApplyResult Duplicate { get; } = new(EventApplyOutcome.Duplicate);
}

/// <summary>The outcome of handling one event.</summary>
public enum EventApplyOutcome
{
    /// <summary>The event changed the store.</summary>
    Applied = 0,

    /// <summary>The event had been applied before; nothing changed.</summary>
    Duplicate,

    /// <summary>The event was refused; nothing changed, and it may be retried once the cause is fixed.</summary>
    Rejected,
}
