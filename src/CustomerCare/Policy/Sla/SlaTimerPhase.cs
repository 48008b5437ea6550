namespace CustomerCare.Policy.Sla;

/// <summary>Whether a timer is counting.</summary>
public enum SlaTimerPhase
{
    /// <summary>Counting business time towards the target.</summary>
    Running = 0,

    /// <summary>Paused, waiting on the customer: the time does not count, and is credited back on resume.</summary>
    Paused = 1,

    /// <summary>Stopped: the answer was given or the complaint resolved. Resuming reopens it.</summary>
    Stopped = 2,
}
