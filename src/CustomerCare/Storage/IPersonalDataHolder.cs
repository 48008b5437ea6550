using CustomerCare.Customers;

namespace CustomerCare.Storage;

/// <summary>
/// A store that holds personal data about customers and takes part in export ("all we hold about one customer") and
/// erasure. Every store of a contract that keeps customer data implements it beside its own contract, so a plugin that
/// replaces one store takes part without any other registration.
/// </summary>
/// <remarks>
/// <para><b>Export.</b> <see cref="ExportAsync"/> returns the store's own section(s) of the export, each built with
/// <see cref="Serialization.StorageJson"/>, and nothing about other customers. An unknown customer gives no sections.
/// Section names are unique across stores (see <c>docs/privacy-export-erasure.md</c> for the reserved names).</para>
/// <para><b>Erasure.</b> <see cref="EraseAsync"/> removes or irreversibly masks the customer's personal data in this
/// store, in ONE transaction (all of the store's changes or none), and keeps what the books need (totals, usage counts,
/// timestamps, the pseudonymous <see cref="CustomerId"/>). Free text goes through
/// <see cref="ErasureContext.Redact(string)"/>. It is idempotent: a second call changes nothing and reports zero
/// changes, so a partly failed erasure is finished by running it again.</para>
/// <para><b>Thread safety.</b> Both members may be called concurrently with every other member of the store, from
/// several processes for a shared database. Cancellation throws <see cref="OperationCanceledException"/> and, for
/// <see cref="EraseAsync"/>, writes nothing.</para>
/// </remarks>
public interface IPersonalDataHolder
{
    /// <summary>Returns what the store holds about a customer, as named JSON sections.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sections; empty when the store holds nothing about the customer.</returns>
    ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>Removes or masks the customer's personal data in this store, in one transaction.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="context">The values to mask, the pattern redactor and the instant of the erasure.</param>
    /// <param name="cancellationToken">Cancels the erasure; nothing is written then.</param>
    /// <returns>How many records of each kind changed; empty when nothing did (already erased, or nothing held).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default);
}
