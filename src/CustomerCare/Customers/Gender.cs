namespace CustomerCare.Customers;

/// <summary>A customer's gender, as they chose to state it.</summary>
public enum Gender
{
    /// <summary>Not stated.</summary>
    Unspecified = 0,

    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,

    /// <summary>Another gender, or prefers to self-describe.</summary>
    Other,
}
