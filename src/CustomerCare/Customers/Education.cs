namespace CustomerCare.Customers;

/// <summary>The highest level of education a customer stated.</summary>
public enum Education
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>Primary school.</summary>
    Primary,

    /// <summary>Secondary or high school.</summary>
    Secondary,

    /// <summary>Vocational or associate degree.</summary>
    Vocational,

    /// <summary>Bachelor's degree.</summary>
    Bachelor,

    /// <summary>Master's degree.</summary>
    Master,

    /// <summary>Doctorate.</summary>
    Doctorate,
}
