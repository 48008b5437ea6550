using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CustomerCare.Diagnostics;

/// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> the library reports through, both named <c>CustomerCare</c>.</summary>
/// <remarks>Subscribe with OpenTelemetry's <c>AddSource("CustomerCare")</c> and <c>AddMeter("CustomerCare")</c>.</remarks>
public static class CustomerCareTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "CustomerCare";

    /// <summary>The activity source; one activity per applied event, import and job run.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(CustomerCareTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The meter.</summary>
    public static Meter Meter { get; } = new(Name, typeof(CustomerCareTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Events handled, tagged with <c>kind</c> and <c>outcome</c> (applied, duplicate, rejected).</summary>
    internal static Counter<long> EventsHandled { get; } = Meter.CreateCounter<long>("customercare.events.handled", unit: "{event}", description: "Platform events handled, by kind and outcome.");

    /// <summary>Commits retried after a concurrent writer changed the same item.</summary>
    internal static Counter<long> CommitConflicts { get; } = Meter.CreateCounter<long>("customercare.store.commit_conflicts", unit: "{conflict}", description: "Commits retried after a version conflict.");

    /// <summary>Broken promises compensated, tagged with the kind.</summary>
    internal static Counter<long> RecoveriesRecorded { get; } = Meter.CreateCounter<long>("customercare.recoveries.recorded", unit: "{recovery}", description: "Broken promises compensated, by kind.");

    /// <summary>New complaints received, tagged with the channel.</summary>
    internal static Counter<long> ComplaintsReceived { get; } = Meter.CreateCounter<long>("customercare.complaints.received", unit: "{complaint}", description: "New complaints received, by channel.");
}
