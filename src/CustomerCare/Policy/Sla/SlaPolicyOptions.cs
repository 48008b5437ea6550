namespace CustomerCare.Policy.Sla;

/// <summary>
/// SLA targets as configuration, bindable from <c>appsettings.json</c>; applied on top of
/// <see cref="SlaTargetTable.Default"/> by <see cref="SlaPolicy.FromOptions"/>.
/// </summary>
/// <example>
/// <code>
/// {
///   "WarningShare": 0.8,
///   "PriorityFactors": { "Urgent": 0.25, "High": 0.5, "Low": 2 },
///   "Channels": {
///     "Email":   { "Basis": "BusinessHours", "FirstResponse": "8h", "Resolution": "40h", "Priorities": { "Urgent": { "FirstResponse": "1h" } } },
///     "Twitter": { "Basis": "AroundTheClock", "FirstResponse": "1h", "NextResponse": "none" }
///   }
/// }
/// </code>
/// </example>
public sealed class SlaPolicyOptions
{
    /// <summary>The share of a target after which a warning is raised, above 0 and below 1; <see langword="null"/> for no warning. Default 0.8.</summary>
    public double? WarningShare { get; set; } = 0.8;

    /// <summary>By priority name (<c>Low</c>, <c>Normal</c>, <c>High</c>, <c>Urgent</c>): the factor applied to the normal targets. Missing ones keep <see cref="SlaTargetTable.DefaultPriorityFactor"/>.</summary>
    public IDictionary<string, double> PriorityFactors { get; set; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>By channel name (<c>ContactForm</c>, <c>Email</c>, <c>Phone</c>, <c>LiveChat</c>, <c>Twitter</c> or <c>X</c>, <c>Facebook</c>, <c>ComplaintSite</c>): what changes from the defaults.</summary>
    public IDictionary<string, SlaChannelOptions> Channels { get; set; } = new Dictionary<string, SlaChannelOptions>(StringComparer.OrdinalIgnoreCase);
}
