namespace CustomerCare.Returns;

/// <summary>What the customer asks for.</summary>
public enum ReturnKind
{
    /// <summary>Send it back for a refund.</summary>
    Return = 0,

    /// <summary>Swap it for another size, colour or item.</summary>
    Exchange,

    /// <summary>Repair or replace a defective item under warranty.</summary>
    Warranty,
}
