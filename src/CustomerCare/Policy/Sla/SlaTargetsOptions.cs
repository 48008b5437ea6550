namespace CustomerCare.Policy.Sla;

/// <summary>The targets of one channel at one priority, as configuration (see <see cref="SlaChannelOptions"/> for the duration format).</summary>
public sealed class SlaTargetsOptions
{
    /// <summary>The first-response target; empty keeps the scaled one.</summary>
    public string? FirstResponse { get; set; }

    /// <summary>The next-response target; empty keeps the scaled one.</summary>
    public string? NextResponse { get; set; }

    /// <summary>The resolution target; empty keeps the scaled one.</summary>
    public string? Resolution { get; set; }
}
