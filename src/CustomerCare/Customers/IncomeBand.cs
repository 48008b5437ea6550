namespace CustomerCare.Customers;

/// <summary>A household income band, relative to the market the store sells in.</summary>
public enum IncomeBand
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Lower middle.</summary>
    LowerMiddle,

    /// <summary>Middle.</summary>
    Middle,

    /// <summary>Upper middle.</summary>
    UpperMiddle,

    /// <summary>High.</summary>
    High,
}
