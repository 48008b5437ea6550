namespace CustomerCare.Complaints;

/// <summary>Where a complaint is in its lifecycle; <see cref="Lifecycle.ComplaintLifecycle"/> says which moves are allowed.</summary>
public enum ComplaintStatus
{
    /// <summary>Received, nobody has answered yet.</summary>
    New = 0,

    /// <summary>The automatic "we received your message" reply went out.</summary>
    Acknowledged,

    /// <summary>A team member is working on it.</summary>
    InProgress,

    /// <summary>Waiting for the customer to answer; the response clock is paused.</summary>
    WaitingForCustomer,

    /// <summary>Answered and solved, until the customer says otherwise.</summary>
    Resolved,

    /// <summary>Finished for good; only a reopening brings it back.</summary>
    Closed,

    /// <summary>The customer came back after it was resolved or closed.</summary>
    Reopened,
}
