namespace CustomerCare.Complaints;

/// <summary>How urgent a complaint is; higher priorities get shorter response targets.</summary>
public enum ComplaintPriority
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
