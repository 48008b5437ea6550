using System.Collections.Concurrent;
using System.Collections.Immutable;
using CustomerCare.Campaigns;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="ICouponStore"/> and <see cref="ICampaignLedger"/>, in process memory.</summary>
/// <remarks>
/// Thread-safe. Each code has its own lock, so calls on different codes never wait for each other, and every check and
/// write of one call happens under that lock: the in-process equivalent of one guarded statement.
/// </remarks>
public sealed class InMemoryCouponStore : ICouponStore, ICampaignLedger
{
    private readonly Lock _catalogLock = new();
    private readonly Dictionary<string, CouponDefinition> _definitions = new(StringComparer.Ordinal);
    // Reads of a code take no shared lock (the hot path of a busy code); inserts still happen under _catalogLock, so a
    // batch is checked and written without another writer in between.
    private readonly ConcurrentDictionary<CouponCode, CodeState> _codes = new();
    private readonly Dictionary<(string Campaign, CustomerId Customer, string Period), CampaignGrant> _grants = [];

    // Which codes an order reserved, so that releasing a cancelled order does not scan every code.
    private readonly ConcurrentDictionary<OrderId, ImmutableHashSet<CouponCode>> _codesByOrder = new();

    /// <inheritdoc />
    public ValueTask<bool> AddDefinitionAsync(CouponDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_catalogLock)
        {
            return ValueTask.FromResult(_definitions.TryAdd(definition.Id, definition));
        }
    }

    /// <inheritdoc />
    public ValueTask<CouponDefinition?> FindDefinitionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_catalogLock)
        {
            return ValueTask.FromResult(_definitions.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CouponCode>> AddCouponsAsync(IReadOnlyList<Coupon> coupons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coupons);
        cancellationToken.ThrowIfCancellationRequested();
        if (coupons.Select(c => c.Code).Distinct().Count() != coupons.Count)
        {
            throw new ArgumentException("The list repeats a code.", nameof(coupons));
        }

        lock (_catalogLock)
        {
            if (coupons.FirstOrDefault(c => !_definitions.ContainsKey(c.DefinitionId)) is { } orphan)
            {
                throw new ArgumentException($"Coupon definition '{orphan.DefinitionId}' does not exist.", nameof(coupons));
            }

            IReadOnlyList<CouponCode> existing = [.. coupons.Where(c => _codes.ContainsKey(c.Code)).Select(c => c.Code)];
            if (existing.Count == 0)
            {
                foreach (var coupon in coupons)
                {
                    _codes[coupon.Code] = new CodeState(coupon);
                }
            }

            return ValueTask.FromResult(existing);
        }
    }

    /// <inheritdoc />
    public ValueTask<Coupon?> FindCouponAsync(CouponCode code, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Find(code)?.Coupon);
    }

    /// <inheritdoc />
    public ValueTask<RedemptionResult> ReserveAsync(RedemptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (Find(request.Code) is not { } state)
        {
            return ValueTask.FromResult(new RedemptionResult(RedemptionOutcome.UnknownCode));
        }

        lock (state.Lock)
        {
            var result = state.Reserve(request);
            if (result.Outcome == RedemptionOutcome.Done)
            {
                // Indexed before the lock is let go, so a release racing this reservation finds the code.
                _codesByOrder.AddOrUpdate(request.OrderId, _ => [request.Code], (_, codes) => codes.Add(request.Code));
            }

            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc />
    public ValueTask<RedemptionResult> ConfirmAsync(CouponCode code, OrderId orderId, Instant at, CancellationToken cancellationToken = default) =>
        UnderCodeLock(code, state => state.Confirm(orderId, at), cancellationToken);

    /// <inheritdoc />
    public ValueTask<RedemptionResult> ReleaseAsync(CouponCode code, OrderId orderId, Instant at, CancellationToken cancellationToken = default) =>
        UnderCodeLock(code, state => state.Release(orderId, at), cancellationToken);

    /// <inheritdoc />
    public ValueTask<CouponUsage> GetUsageAsync(CouponCode code, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Find(code) is not { } state)
        {
            return ValueTask.FromResult(new CouponUsage(0, 0, 0));
        }

        lock (state.Lock)
        {
            return ValueTask.FromResult(new CouponUsage(state.Reserved, state.Confirmed, state.Released));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CouponRedemption>> RedemptionsOfOrderAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = new List<CouponRedemption>();
        foreach (var code in _codesByOrder.GetValueOrDefault(orderId) ?? [])
        {
            if (Find(code) is { } state)
            {
                lock (state.Lock)
                {
                    if (state.ByOrder.TryGetValue(orderId, out var redemption))
                    {
                        found.Add(redemption);
                    }
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<CouponRedemption>>([.. found.OrderBy(r => r.Code.Value, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public ValueTask<GrantOutcome> GrantAsync(CampaignGrant grant, Coupon coupon, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(coupon);
        if (grant.Code != coupon.Code)
        {
            throw new ArgumentException($"The grant's code {grant.Code} is not the coupon's {coupon.Code}.", nameof(grant));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_catalogLock)
        {
            if (!_definitions.ContainsKey(coupon.DefinitionId))
            {
                throw new ArgumentException($"Coupon definition '{coupon.DefinitionId}' does not exist.", nameof(coupon));
            }

            var key = (grant.CampaignId, grant.CustomerId, grant.Period);
            if (_grants.ContainsKey(key))
            {
                return ValueTask.FromResult(GrantOutcome.AlreadyGranted);
            }

            if (_codes.ContainsKey(coupon.Code))
            {
                return ValueTask.FromResult(GrantOutcome.CodeTaken);
            }

            _codes[coupon.Code] = new CodeState(coupon);
            _grants.Add(key, grant);
            return ValueTask.FromResult(GrantOutcome.Granted);
        }
    }

    /// <inheritdoc />
    public ValueTask<CampaignGrant?> FindGrantAsync(string campaignId, CustomerId customerId, string period, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_catalogLock)
        {
            return ValueTask.FromResult(_grants.GetValueOrDefault((campaignId, customerId, period)));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CampaignGrant>> GrantsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_catalogLock)
        {
            IReadOnlyList<CampaignGrant> grants = [.. _grants.Values.Where(g => g.CampaignId == campaignId)
                .OrderBy(g => g.CustomerId).ThenBy(g => g.Period, StringComparer.Ordinal)];
            return ValueTask.FromResult(grants);
        }
    }

    private ValueTask<RedemptionResult> UnderCodeLock(CouponCode code, Func<CodeState, RedemptionResult> change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Find(code) is not { } state)
        {
            return ValueTask.FromResult(new RedemptionResult(RedemptionOutcome.UnknownCode));
        }

        lock (state.Lock)
        {
            return ValueTask.FromResult(change(state));
        }
    }

    private CodeState? Find(CouponCode code) => _codes.GetValueOrDefault(code);

    private sealed class CodeState(Coupon coupon)
    {
        public Lock Lock { get; } = new();

        public Coupon Coupon { get; } = coupon;

        public Dictionary<OrderId, CouponRedemption> ByOrder { get; } = [];

        public Dictionary<CustomerId, int> ActiveByCustomer { get; } = [];

        public long Reserved { get; private set; }

        public long Confirmed { get; private set; }

        public long Released { get; private set; }

        public RedemptionResult Reserve(RedemptionRequest request)
        {
            if (ByOrder.TryGetValue(request.OrderId, out var existing))
            {
                return existing.CustomerId != request.CustomerId || existing.Discount != request.Discount
                    ? new RedemptionResult(RedemptionOutcome.PayloadMismatch, existing)
                    : new RedemptionResult(existing.IsActive ? RedemptionOutcome.AlreadyDone : RedemptionOutcome.AlreadyReleased, existing);
            }

            if (Coupon.AssignedTo is { } owner && owner != request.CustomerId)
            {
                return new RedemptionResult(RedemptionOutcome.AssignedToAnotherCustomer);
            }

            if (Coupon.MaxRedemptions is { } cap && Reserved + Confirmed >= cap)
            {
                return new RedemptionResult(RedemptionOutcome.CapReached);
            }

            var held = ActiveByCustomer.GetValueOrDefault(request.CustomerId);
            if (Coupon.PerCustomerLimit is { } limit && held >= limit)
            {
                return new RedemptionResult(RedemptionOutcome.PerCustomerLimitReached);
            }

            var redemption = new CouponRedemption(request.Code, request.OrderId, request.CustomerId, request.Discount, RedemptionState.Reserved, request.At);
            ByOrder.Add(request.OrderId, redemption);
            ActiveByCustomer[request.CustomerId] = held + 1;
            Reserved++;
            return new RedemptionResult(RedemptionOutcome.Done, redemption);
        }

        public RedemptionResult Confirm(OrderId orderId, Instant at)
        {
            if (!ByOrder.TryGetValue(orderId, out var existing))
            {
                return new RedemptionResult(RedemptionOutcome.NotReserved);
            }

            if (existing.State != RedemptionState.Reserved)
            {
                return new RedemptionResult(existing.State == RedemptionState.Confirmed ? RedemptionOutcome.AlreadyDone : RedemptionOutcome.AlreadyReleased, existing);
            }

            var confirmed = existing with { State = RedemptionState.Confirmed, ConfirmedAt = at };
            ByOrder[orderId] = confirmed;
            Reserved--;
            Confirmed++;
            return new RedemptionResult(RedemptionOutcome.Done, confirmed);
        }

        public RedemptionResult Release(OrderId orderId, Instant at)
        {
            if (!ByOrder.TryGetValue(orderId, out var existing))
            {
                return new RedemptionResult(RedemptionOutcome.NotReserved);
            }

            if (existing.State == RedemptionState.Released)
            {
                return new RedemptionResult(RedemptionOutcome.AlreadyDone, existing);
            }

            var released = existing with { State = RedemptionState.Released, ReleasedAt = at };
            ByOrder[orderId] = released;
            if (existing.State == RedemptionState.Reserved)
            {
                Reserved--;
            }
            else
            {
                Confirmed--;
            }

            Released++;
            ActiveByCustomer[existing.CustomerId]--;
            return new RedemptionResult(RedemptionOutcome.Done, released);
        }
    }
}
