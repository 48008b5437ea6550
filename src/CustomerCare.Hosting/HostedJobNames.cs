namespace CustomerCare.Hosting;

/// <summary>The names of the built-in hosted jobs, as they appear in leases, logs and <see cref="JobRun.Job"/>.</summary>
public static class HostedJobNames
{
    /// <summary>The daily campaign run.</summary>
    public const string Campaigns = "campaigns";

    /// <summary>The SLA escalation sweep.</summary>
    public const string SlaEscalation = "sla-escalation";

    /// <summary>The survey sender.</summary>
    public const string Surveys = "surveys";

    /// <summary>Segment re-evaluation.</summary>
    public const string Segments = "segments";

    /// <summary>The broken delivery promise sweep.</summary>
    public const string BrokenPromises = "broken-promises";

    /// <summary>The outbox dispatcher.</summary>
    public const string Outbox = "outbox";
}
