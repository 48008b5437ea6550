namespace CustomerCare.Policy.Promises;

/// <summary>A promise the company broke (seed 002), each with its apology and compensation in the policy.</summary>
public enum BrokenPromiseKind
{
    /// <summary>The order was not delivered by the promised date.</summary>
    LateDelivery = 0,

    /// <summary>The order was still not delivered long after the promised date.</summary>
    NeverDelivered,

    /// <summary>The order arrived damaged.</summary>
    Damaged,

    /// <summary>A wrong item, size or colour was sent without the customer's consent.</summary>
    WrongItem,

    /// <summary>A complaint went unanswered past its response target.</summary>
    Unanswered,
}
