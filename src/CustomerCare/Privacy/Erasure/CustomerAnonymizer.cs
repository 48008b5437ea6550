using System.Collections.Immutable;
using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;
using CustomerCare.Text;

namespace CustomerCare.Privacy.Erasure;

/// <summary>
/// Turns a customer's profile into its anonymized form: the identifier, sign-up instant, purchase statistics,
/// engagement counters, locale and zone stay (the books and the aggregates need them, and they identify nobody by
/// themselves); the name, e-mail, phone, birthday, city, tags, stated demographics and marketing flag go.
/// </summary>
/// <remarks>Pure and thread-safe. Storage plugins call it from <see cref="Storage.IPersonalDataHolder.EraseAsync"/>.</remarks>
public static class CustomerAnonymizer
{
    /// <summary>The given name an anonymized profile carries, since a name is required.</summary>
    public const string ErasedName = "[erased]";

    /// <summary>The only tag an anonymized profile carries, so that campaigns and staff can tell it apart.</summary>
    public const string ErasedTag = "erased";

    /// <summary>Whether a profile is already anonymized.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns><see langword="true"/> when it carries the erased name and tag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    public static bool IsAnonymized(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return string.Equals(customer.Name.GivenName, ErasedName, StringComparison.Ordinal) && customer.Name.FamilyName is null
            && customer.Email is null && customer.Phone is null && customer.Tags.Count == 1 && customer.Tags.Contains(ErasedTag);
    }

    /// <summary>The anonymized form of a profile; the store writes it with the next version.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The anonymized profile, with the same identifier, statistics and version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    public static Customer Anonymize(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer with
        {
            Name = new PersonName(ErasedName),
            Email = null,
            Phone = null,
            Birthday = null,
            BirthdaySetAt = null,
            Consents = ConsentState.None,
            Gender = default,
            AgeBand = default,
            Education = default,
            IncomeBand = default,
            City = null,
            Tags = ImmutableHashSet.Create(TurkishInvariantComparer.Instance, ErasedTag),
        };
    }
}
