namespace CustomerCare.Customers;

/// <summary>An age range, for customers who gave a range rather than a birth year.</summary>
/// <remarks>In CSV files the bands are written <c>&lt;18</c>, <c>18-24</c>, …, <c>65+</c>, or by name.</remarks>
public enum AgeBand
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>Under 18.</summary>
    Under18,

    /// <summary>18 to 24.</summary>
    From18To24,

    /// <summary>25 to 34.</summary>
    From25To34,

    /// <summary>35 to 44.</summary>
    From35To44,

    /// <summary>45 to 54.</summary>
    From45To54,

    /// <summary>55 to 64.</summary>
    From55To64,

    /// <summary>65 and over.</summary>
    From65,
}
