namespace CustomerCare.Returns;

/// <summary>Why a return, exchange or warranty request was refused: a stable reason a template and an API can switch on.</summary>
public enum ReturnRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>No such order.</summary>
    UnknownOrder,

    /// <summary>The order belongs to another customer.</summary>
    NotTheCustomersOrder,

    /// <summary>The order has not been delivered (or was cancelled): nothing to return yet.</summary>
    NotDelivered,

    /// <summary>The order was already fully refunded.</summary>
    AlreadyReturned,

    /// <summary>The window for this kind of request has closed.</summary>
    WindowClosed,

    /// <summary>The item was opened and the reason needs it unopened (a change of mind on a sealed product).</summary>
    Opened,

    /// <summary>The product's category cannot be returned for this reason (hygiene products, personalized items).</summary>
    ExcludedCategory,

    /// <summary>A warranty claim needs a defect as its reason.</summary>
    NotADefect,
}
