using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Privacy;

/// <summary>
/// Finds the stores that take part in export and erasure: the registered store of every contract that holds customer
/// data, plus any other registered <see cref="IPersonalDataHolder"/>, each once.
/// </summary>
/// <remarks>
/// Holders are found through the store contracts rather than registered separately, so replacing one store (a plugin's
/// <c>Use…</c>) replaces its holder too, and no stale in-memory holder is left behind. A registered store of such a
/// contract that does not implement <see cref="IPersonalDataHolder"/> is an error: erasure would silently miss its data.
/// </remarks>
internal static class PersonalDataHolders
{
    // The contracts whose stores hold customer data. The consent ledger (IConsentLedger) and the audit log join here.
    private static readonly Type[] HoldingContracts =
    [
        typeof(ICustomerStore),
        typeof(IComplaintStore),
        typeof(ISurveyStore),
        typeof(IReviewStore),
        typeof(IOutboxStore),
        typeof(ICouponStore),
        typeof(ICampaignLedger),
        typeof(ICompensationLedger),
        typeof(ISegmentMembershipStore),
        typeof(IConsentLedger),
    ];

    public static IReadOnlyList<IPersonalDataHolder> Discover(IServiceProvider services)
    {
        var holders = new List<IPersonalDataHolder>();
        foreach (var contract in HoldingContracts)
        {
            switch (services.GetService(contract))
            {
                case null:
                    break;
                case IPersonalDataHolder holder:
                    Add(holders, holder);
                    break;
                case var store:
                    throw new InvalidOperationException(
                        $"The registered {contract.Name} ({store.GetType().FullName}) does not implement {nameof(IPersonalDataHolder)}, so an erasure could not reach the customer data it holds. Implement it (see docs/privacy-export-erasure.md).");
            }
        }

        foreach (var holder in services.GetServices<IPersonalDataHolder>())
        {
            Add(holders, holder);
        }

        return holders;
    }

    private static void Add(List<IPersonalDataHolder> holders, IPersonalDataHolder holder)
    {
        if (!holders.Exists(h => ReferenceEquals(h, holder)))
        {
            holders.Add(holder);
        }
    }
}
