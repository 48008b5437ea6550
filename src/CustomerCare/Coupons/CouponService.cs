using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Coupons;

/// <summary>
/// Checks codes against orders and runs their redemption life: <see cref="RedeemAsync"/> when the order is placed,
/// <see cref="ConfirmAsync"/> when it is paid, <see cref="ReleaseOrderAsync"/> when it is cancelled or returned.
/// </summary>
/// <remarks>
/// The checks in <see cref="CheckAsync"/> tell the shopper why a code does not apply; the limits themselves are
/// enforced by the store's atomic <see cref="ICouponStore.ReserveAsync"/>, never by a read here followed by a write.
/// Thread-safe.
/// </remarks>
public sealed class CouponService : ICommerceEventObserver
{
    private readonly ICouponStore _store;
    private readonly ISegmentMembershipStore _segments;
    private readonly IClock _clock;
    private readonly ICustomerStore? _orders;
    private readonly CouponAttemptLimiter? _attempts;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The coupon store.</param>
    /// <param name="segments">The segment membership history, for segment-restricted coupons.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="orders">The customer store, to tell a full return from a partial one; without it only cancellations release codes.</param>
    /// <param name="attempts">Limits unknown and malformed codes per customer and caller key; no limit when <see langword="null"/>.</param>
    public CouponService(ICouponStore store, ISegmentMembershipStore segments, IClock clock, ICustomerStore? orders = null, CouponAttemptLimiter? attempts = null)
    {
        _orders = orders;
        _attempts = attempts;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _segments = segments ?? throw new ArgumentNullException(nameof(segments));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Checks a code against an order without reserving anything.</summary>
    /// <param name="codeText">The code as the shopper typed it.</param>
    /// <param name="order">The order.</param>
    /// <param name="callerKey">Who is asking (an IP address, a session), for the brute-force limit; the customer is always a key.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The discount, or the reason with a stable code.</returns>
    public ValueTask<CouponCheck> CheckAsync(string? codeText, CouponOrder order, string? callerKey = null, CancellationToken cancellationToken = default) =>
        CheckLimitedAsync(codeText, order, callerKey, includeUsage: true, cancellationToken);

    private async ValueTask<CouponCheck> CheckLimitedAsync(string? codeText, CouponOrder order, string? callerKey, bool includeUsage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var keys = callerKey is null ? ["customer:" + order.CustomerId.Value] : new[] { "customer:" + order.CustomerId.Value, "caller:" + callerKey };
        if (_attempts is not null && keys.Any(k => !_attempts.IsAllowed(k)))
        {
            return CouponCheck.Refused(null, CouponRejection.TooManyAttempts, "too many unknown codes were tried; try again later");
        }

        var check = await CheckCoreAsync(codeText, order, includeUsage, cancellationToken).ConfigureAwait(false);
        if (_attempts is not null && check.Rejection is CouponRejection.Malformed or CouponRejection.Unknown)
        {
            foreach (var key in keys)
            {
                _attempts.RecordFailure(key);
            }
        }

        return check;
    }

    private async ValueTask<CouponCheck> CheckCoreAsync(string? codeText, CouponOrder order, bool includeUsage, CancellationToken cancellationToken)
    {
        if (!CouponCode.TryParse(codeText, out var code, out var error))
        {
            return CouponCheck.Refused(null, CouponRejection.Malformed, error.Message);
        }

        var coupon = await _store.FindCouponAsync(code, cancellationToken).ConfigureAwait(false);
        var definition = coupon is null ? null : await _store.FindDefinitionAsync(coupon.DefinitionId, cancellationToken).ConfigureAwait(false);
        if (coupon is null || definition is null)
        {
            return CouponCheck.Refused(code, CouponRejection.Unknown, $"code '{code}' does not exist");
        }

        var now = _clock.GetCurrentInstant();
        if (Max(coupon.ValidFrom, definition.ValidFrom) is { } from && now < from)
        {
            return CouponCheck.Refused(code, CouponRejection.NotStarted, $"code '{code}' can be used from {from}");
        }

        if (Min(coupon.ValidUntil, definition.ValidUntil) is { } until && now >= until)
        {
            return CouponCheck.Refused(code, CouponRejection.Expired, $"code '{code}' expired at {until}");
        }

        if (coupon.AssignedTo is { } owner && owner != order.CustomerId)
        {
            return CouponCheck.Refused(code, CouponRejection.AssignedToAnotherCustomer, $"code '{code}' belongs to another customer");
        }

        if (definition.Stacking == CouponStacking.Exclusive && order.OtherCodes.Length > 0)
        {
            return CouponCheck.Refused(code, CouponRejection.StackingConflict, $"code '{code}' cannot be combined with other codes");
        }

        if (definition.EligibleSegments.Count > 0 && !await InAnySegmentAsync(definition, order, now, cancellationToken).ConfigureAwait(false))
        {
            return CouponCheck.Refused(code, CouponRejection.SegmentNotEligible, $"code '{code}' is for customers in: {string.Join(", ", definition.EligibleSegments.Order(StringComparer.Ordinal))}");
        }

        var eligible = order.Lines.Where(line => IsEligible(definition, line)).ToArray();
        if (eligible.Length == 0 && definition.Discount.Kind is not DiscountKind.FreeShipping)
        {
            return CouponCheck.Refused(code, CouponRejection.ProductNotEligible, $"no product in the order is eligible for code '{code}'");
        }

        var eligibleTotal = eligible.Aggregate(Money.Zero(order.Shipping.Currency), (sum, line) => sum + line.LineTotal);
        if (definition.MinimumOrder is { } minimum && eligibleTotal < minimum)
        {
            return CouponCheck.Refused(code, CouponRejection.MinimumNotMet, $"code '{code}' needs eligible products for at least {minimum}; the order has {eligibleTotal}");
        }

        if (includeUsage && coupon.MaxRedemptions is { } cap && (await _store.GetUsageAsync(code, cancellationToken).ConfigureAwait(false)).Active >= cap)
        {
            return CouponCheck.Refused(code, CouponRejection.CapReached, $"code '{code}' has been used up");
        }

        var freeProduct = definition.Discount.FreeProductId is { } productId ? order.Lines.FirstOrDefault(l => l.ProductId == productId)?.UnitPrice : null;
        return new CouponCheck(code, definition.Discount.AmountOffFor(eligibleTotal, order.Shipping, freeProduct), null, null);
    }

    /// <summary>Checks a code and reserves a use for the order, idempotently per (code, order).</summary>
    /// <param name="codeText">The code as typed.</param>
    /// <param name="order">The order being placed.</param>
    /// <param name="callerKey">Who is asking, for the brute-force limit.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The check; when accepted, the reservation's result too.</returns>
    public async ValueTask<(CouponCheck Check, RedemptionResult? Reservation)> RedeemAsync(string? codeText, CouponOrder order, string? callerKey = null, CancellationToken cancellationToken = default)
    {
        // The cap is left to the store's atomic reserve: a pre-check here would both race and break idempotent retries.
        var check = await CheckLimitedAsync(codeText, order, callerKey, includeUsage: false, cancellationToken).ConfigureAwait(false);
        if (!check.IsAccepted)
        {
            return (check, null);
        }

        var reservation = await _store.ReserveAsync(new RedemptionRequest(check.Code!.Value, order.OrderId, order.CustomerId, check.Discount!.Value, _clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
        var refused = reservation.Outcome switch
        {
            RedemptionOutcome.CapReached => CouponRejection.CapReached,
            RedemptionOutcome.PerCustomerLimitReached => CouponRejection.PerCustomerLimitReached,
            RedemptionOutcome.AssignedToAnotherCustomer => CouponRejection.AssignedToAnotherCustomer,
            RedemptionOutcome.UnknownCode => CouponRejection.Unknown,
            _ => null,
        };
        return refused is null ? (check, reservation) : (CouponCheck.Refused(check.Code, refused, $"code '{check.Code}' was refused at commit: {reservation.Outcome}"), reservation);
    }

    /// <summary>Confirms every reserved code of an order once it is paid.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The result per code.</returns>
    public async ValueTask<IReadOnlyList<RedemptionResult>> ConfirmAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        var results = new List<RedemptionResult>();
        foreach (var redemption in await _store.RedemptionsOfOrderAsync(orderId, cancellationToken).ConfigureAwait(false))
        {
            results.Add(await _store.ConfirmAsync(redemption.Code, orderId, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Gives back every code of a cancelled or returned order.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The result per code.</returns>
    public async ValueTask<IReadOnlyList<RedemptionResult>> ReleaseOrderAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        var results = new List<RedemptionResult>();
        foreach (var redemption in await _store.RedemptionsOfOrderAsync(orderId, cancellationToken).ConfigureAwait(false))
        {
            results.Add(await _store.ReleaseAsync(redemption.Code, orderId, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Gives the codes of a cancelled order back, and of an order returned in full; idempotent.</summary>
    /// <param name="commerceEvent">The committed event.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the codes are released.</returns>
    /// <remarks>A partial return keeps the code used: the discount still applied to what the customer kept.</remarks>
    public async ValueTask OnCommittedAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        var release = commerceEvent switch
        {
            OrderCancelled cancelled => cancelled.OrderId,
            OrderReturned returned when await IsFullyReturnedAsync(returned.OrderId, cancellationToken).ConfigureAwait(false) => returned.OrderId,
            _ => (OrderId?)null,
        };
        if (release is { } orderId)
        {
            await ReleaseOrderAsync(orderId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<bool> IsFullyReturnedAsync(OrderId orderId, CancellationToken cancellationToken) =>
        _orders is not null && (await _orders.FindOrderAsync(orderId, cancellationToken).ConfigureAwait(false))?.Status == OrderStatus.Returned;

    private static bool IsEligible(CouponDefinition definition, OrderLine line) =>
        !definition.ExcludedProducts.Contains(line.ProductId)
        && (line.Category is null || !definition.ExcludedCategories.Contains(line.Category))
        && (definition.IncludedProducts.Count == 0 || definition.IncludedProducts.Contains(line.ProductId))
        && (definition.IncludedCategories.Count == 0 || (line.Category is not null && definition.IncludedCategories.Contains(line.Category)));

    private async ValueTask<bool> InAnySegmentAsync(CouponDefinition definition, CouponOrder order, Instant now, CancellationToken cancellationToken)
    {
        foreach (var segment in definition.EligibleSegments)
        {
            if ((await _segments.MembersAtAsync(segment, now, cancellationToken).ConfigureAwait(false)).Contains(order.CustomerId))
            {
                return true;
            }
        }

        return false;
    }

    private static Instant? Max(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Max(a.Value, b.Value);

    private static Instant? Min(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Min(a.Value, b.Value);
}
