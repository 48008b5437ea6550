using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Orders;

namespace CustomerCare.Storage;

/// <summary>Stores coupon definitions, codes and redemptions, and performs every limit check at commit.</summary>
/// <remarks>
/// <para><b>Atomicity (the heart of this contract).</b> <see cref="ReserveAsync"/> is one conditional operation: it
/// checks the cap, the per-customer limit and the owner, and records the reservation, all at once (a guarded
/// <c>UPDATE … WHERE active &lt; cap</c> plus a unique key on (code, order), or a serializable transaction). Never
/// read-then-write across calls: N concurrent reservations of a single-use code give exactly one success, and the
/// number of active redemptions never exceeds the cap. <see cref="ReleaseAsync"/> gives the use back in the same
/// guarded way, so a concurrent release and reserve keep <c>active = reserved + confirmed</c> exactly.</para>
/// <para><b>Idempotency.</b> (code, order) is the key: repeating a call returns its first result with
/// <see cref="RedemptionOutcome.AlreadyDone"/>; the same key with another customer or discount is
/// <see cref="RedemptionOutcome.PayloadMismatch"/>.</para>
/// <para><b>Uniqueness.</b> <see cref="AddCouponsAsync"/> relies on a unique key on the code, never a pre-check loop, and
/// writes all or nothing.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database.
/// Business outcomes are results, never exceptions; cancellation throws <see cref="OperationCanceledException"/> and
/// writes nothing.</para>
/// </remarks>
public interface ICouponStore
{
    /// <summary>Adds a definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when a definition with that identifier exists (nothing changed).</returns>
    ValueTask<bool> AddDefinitionAsync(CouponDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Finds a definition.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The definition, or <see langword="null"/>.</returns>
    ValueTask<CouponDefinition?> FindDefinitionAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Adds codes, all or nothing.</summary>
    /// <param name="coupons">The codes; their definitions must exist.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The codes that already existed (then nothing was written); empty when all were added.</returns>
    /// <exception cref="ArgumentException">A definition does not exist, or the list repeats a code.</exception>
    ValueTask<IReadOnlyList<CouponCode>> AddCouponsAsync(IReadOnlyList<Coupon> coupons, CancellationToken cancellationToken = default);

    /// <summary>Finds a code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The coupon, or <see langword="null"/>.</returns>
    ValueTask<Coupon?> FindCouponAsync(CouponCode code, CancellationToken cancellationToken = default);

    /// <summary>Reserves a use for an order, checking every limit in the same atomic step.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The outcome and the redemption.</returns>
    ValueTask<RedemptionResult> ReserveAsync(RedemptionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Confirms a reserved use once the order is paid.</summary>
    /// <param name="code">The code.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The outcome and the redemption.</returns>
    ValueTask<RedemptionResult> ConfirmAsync(CouponCode code, OrderId orderId, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Gives a use back when the order is cancelled or returned.</summary>
    /// <param name="code">The code.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The outcome and the redemption.</returns>
    ValueTask<RedemptionResult> ReleaseAsync(CouponCode code, OrderId orderId, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>A code's redemption counts, exact right after any committed call.</summary>
    /// <param name="code">The code.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts; all zero for an unknown code.</returns>
    ValueTask<CouponUsage> GetUsageAsync(CouponCode code, CancellationToken cancellationToken = default);

    /// <summary>The redemptions of an order, ordered by code.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The redemptions.</returns>
    ValueTask<IReadOnlyList<CouponRedemption>> RedemptionsOfOrderAsync(OrderId orderId, CancellationToken cancellationToken = default);
}
