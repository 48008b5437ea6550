namespace CustomerCare.Hosting;

/// <summary>What became of a due job.</summary>
public enum JobOutcome
{
    /// <summary>It ran to the end.</summary>
    Succeeded,

    /// <summary>It threw; it runs again at its next scheduled instant.</summary>
    Failed,

    /// <summary>Another host holds its lease, so this host did not run it.</summary>
    LeaseHeld,

    /// <summary>The host stopped while it ran; its lease was released.</summary>
    Cancelled,

    /// <summary>It lost its lease to another host part way through, and stopped.</summary>
    LeaseLost,
}
