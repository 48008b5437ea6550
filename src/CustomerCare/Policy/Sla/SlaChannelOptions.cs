namespace CustomerCare.Policy.Sla;

/// <summary>
/// One channel's SLA settings, as configuration. Durations are written <c>90m</c>, <c>1h</c>, <c>1h30m</c>,
/// <c>45s</c> or ISO 8601 (<c>PT1H30M</c>); <c>none</c> removes the target.
/// </summary>
public sealed class SlaChannelOptions
{
    /// <summary><c>BusinessHours</c> or <c>AroundTheClock</c>; empty keeps the default.</summary>
    public string? Basis { get; set; }

    /// <summary>The first-response target at normal priority; other priorities are scaled. Empty keeps the default.</summary>
    public string? FirstResponse { get; set; }

    /// <summary>The next-response target at normal priority; other priorities are scaled. Empty keeps the default.</summary>
    public string? NextResponse { get; set; }

    /// <summary>The resolution target at normal priority; other priorities are scaled. Empty keeps the default.</summary>
    public string? Resolution { get; set; }

    /// <summary>By priority name: targets that replace the scaled ones.</summary>
    public IDictionary<string, SlaTargetsOptions> Priorities { get; set; } = new Dictionary<string, SlaTargetsOptions>(StringComparer.OrdinalIgnoreCase);
}
