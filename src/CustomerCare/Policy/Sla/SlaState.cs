namespace CustomerCare.Policy.Sla;

/// <summary>Where a timer stands at an instant.</summary>
public enum SlaState
{
    /// <summary>Running, before the warning point.</summary>
    OnTrack = 0,

    /// <summary>Running, past the warning point and not past the deadline.</summary>
    Warning = 1,

    /// <summary>The deadline passed while the timer ran, whether it is still running, paused or stopped.</summary>
    Breached = 2,

    /// <summary>Stopped (the answer was given) at or before the deadline.</summary>
    Met = 3,

    /// <summary>Paused (waiting on the customer) before the deadline.</summary>
    Paused = 4,
}
