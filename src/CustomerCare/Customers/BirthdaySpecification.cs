using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.Customers;

/// <summary>
/// The customers whose birthday falls on one of a few annual dates (month and day, any year). The birthday campaign
/// asks for the dates that can be due in some zone, so a store can answer from an index on (month, day) instead of
/// reading every customer.
/// </summary>
/// <remarks>
/// Stores recognise this type and translate <see cref="Dates"/> into their own query; any other store evaluates the
/// criterion in memory, with the same result. Immutable and thread-safe.
/// </remarks>
public sealed class BirthdaySpecification : Specification<Customer>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="dates">The annual dates; duplicates are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is <see langword="null"/>.</exception>
    public BirthdaySpecification(IEnumerable<AnnualDate> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        Dates = [.. dates.Distinct().Order()];
        var set = Dates.ToHashSet();
        Query.Where(customer => customer.Birthday != null && set.Contains(customer.Birthday.Value.Date));
    }

    /// <summary>The annual dates, distinct and in calendar order.</summary>
    public IReadOnlyList<AnnualDate> Dates { get; }
}
