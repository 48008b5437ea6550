using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;

namespace CustomerCare.Import;

/// <summary>
/// How the customer CSV's <c>accepts_marketing</c> column enters the consent ledger: <c>true</c> becomes a marketing
/// grant on every channel (what the column always meant: any commercial message), recorded at the customer's sign-up
/// with source <c>import</c>; <c>false</c> or blank records nothing (no consent).
/// </summary>
internal static class ImportConsent
{
    /// <summary>The policy version recorded for the column's grants, since the file does not say which text was shown.</summary>
    public const string PolicyVersion = "csv-accepts-marketing";

    /// <summary>The grants for a customer who accepts marketing. Their ids are stable, so importing again appends nothing new.</summary>
    /// <param name="customer">The imported customer.</param>
    /// <returns>One grant per channel.</returns>
    public static IEnumerable<ConsentRecord> Grants(Customer customer) =>
        Enum.GetValues<ConsentChannel>().Select(channel => new ConsentRecord(
            $"import:customer:{customer.Id.Value}:accepts_marketing:{channel.ToString().ToLowerInvariant()}",
            customer.Id,
            ConsentPurpose.Marketing,
            channel,
            ConsentAction.Grant,
            ConsentSource.Import,
            customer.SignedUpAt,
            PolicyVersion,
            "accepts_marketing column of a customer CSV import"));

    /// <summary>The state the grants give.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The state.</returns>
    public static ConsentState State(Customer customer) => ConsentState.From(Grants(customer));
}
