namespace CustomerCare.Policy.Sla;

/// <summary>What a target measures.</summary>
public enum SlaMetric
{
    /// <summary>From the complaint's arrival to the first answer by a person (not the automatic acknowledgement).</summary>
    FirstResponse = 0,

    /// <summary>From a customer's message to the next answer; a new timer for each message.</summary>
    NextResponse = 1,

    /// <summary>From the complaint's arrival to its resolution.</summary>
    Resolution = 2,
}
