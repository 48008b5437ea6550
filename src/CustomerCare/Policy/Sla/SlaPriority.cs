namespace CustomerCare.Policy.Sla;

/// <summary>How urgent a complaint is; higher priorities get shorter targets.</summary>
public enum SlaPriority
{
    /// <summary>Low: a question that can wait.</summary>
    Low = 0,

    /// <summary>Normal: the default.</summary>
    Normal = 1,

    /// <summary>High: a broken promise, an angry customer, a public post.</summary>
    High = 2,

    /// <summary>Urgent: money taken twice, a safety issue, a post going viral.</summary>
    Urgent = 3,
}
