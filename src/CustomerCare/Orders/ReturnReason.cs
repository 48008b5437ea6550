namespace CustomerCare.Orders;

/// <summary>Why items of an order came back.</summary>
public enum ReturnReason
{
    /// <summary>Not given.</summary>
    Unspecified = 0,

    /// <summary>The customer changed their mind (the unconditional return right).</summary>
    ChangedMind,

    /// <summary>It arrived damaged: a broken promise.</summary>
    Damaged,

    /// <summary>A wrong item, size or colour was sent without the customer's consent: a broken promise.</summary>
    WrongItem,

    /// <summary>It is defective: a warranty matter.</summary>
    Defective,

    /// <summary>It is not as described.</summary>
    NotAsDescribed,
}
