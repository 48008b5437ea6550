using System.Collections.Concurrent;
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
/// write of one call happens under that lock: the in-process equivalent of one guarded statement. Keys are hashed and
/// results are built outside the lock, so a busy code's lock is held only for a few lookups and writes.
/// </remarks>
public sealed partial class InMemoryCouponStore : ICouponStore, ICampaignLedger, IPersonalDataHolder
{
    private static readonly RedemptionResult UnknownCode = new(RedemptionOutcome.UnknownCode);

    private readonly Lock _catalogLock = new();
    private readonly Dictionary<string, CouponDefinition> _definitions = new(StringComparer.Ordinal);
    // Reads of a code take no shared lock (the hot path of a busy code); inserts still happen under _catalogLock, so a
    // batch is checked and written without another writer in between.
    private readonly ConcurrentDictionary<CouponCode, CodeState> _codes = new();
    private readonly Dictionary<(string Campaign, CustomerId Customer, string Period), CampaignGrant> _grants = [];

    // Which codes an order reserved, so that releasing a cancelled order does not scan every code.
    private readonly OrderIndex _codesByOrder = new();

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
            return ValueTask.FromResult(UnknownCode);
        }

        var order = new Hashed<OrderId>(request.OrderId);
        // Only a per-customer limit needs the customer's key; the coupon cannot change, so this is known before the lock.
        var customer = state.Coupon.PerCustomerLimit is null ? default : new Hashed<CustomerId>(request.CustomerId);
        Change change;
        lock (state.Lock)
        {
            change = state.Reserve(request, order, customer);
            if (change.Outcome == RedemptionOutcome.Done)
            {
                // Indexed before the lock is let go, so a release racing this reservation finds the code.
                _codesByOrder.Add(order, request.Code);
            }
        }

        return ValueTask.FromResult(ToResult(change, request.Code, request.OrderId));
    }

    /// <inheritdoc />
    public ValueTask<RedemptionResult> ConfirmAsync(CouponCode code, OrderId orderId, Instant at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Find(code) is not { } state)
        {
            return ValueTask.FromResult(UnknownCode);
        }

        var order = new Hashed<OrderId>(orderId);
        Change change;
        lock (state.Lock)
        {
            change = state.Confirm(order, at);
        }

        return ValueTask.FromResult(ToResult(change, code, orderId));
    }

    /// <inheritdoc />
    public ValueTask<RedemptionResult> ReleaseAsync(CouponCode code, OrderId orderId, Instant at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Find(code) is not { } state)
        {
            return ValueTask.FromResult(UnknownCode);
        }

        var order = new Hashed<OrderId>(orderId);
        Change change;
        lock (state.Lock)
        {
            change = state.Release(order, at);
        }

        return ValueTask.FromResult(ToResult(change, code, orderId));
    }

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
        var order = new Hashed<OrderId>(orderId);
        var found = new List<CouponRedemption>();
        foreach (var code in _codesByOrder.Find(order)?.All ?? [])
        {
            if (Find(code) is { } state)
            {
                Change change;
                lock (state.Lock)
                {
                    change = state.Find(order);
                }

                if (change.Outcome == RedemptionOutcome.AlreadyDone)
                {
                    found.Add(change.ToRedemption(code, orderId));
                }
            }
        }

        found.Sort(static (a, b) => string.CompareOrdinal(a.Code.Value, b.Code.Value));
        return ValueTask.FromResult<IReadOnlyList<CouponRedemption>>(found);
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

    /// <inheritdoc />
    /// <remarks>Sections <c>coupons</c> (assigned to the customer), <c>redemptions</c> and <c>campaign_grants</c>.</remarks>
    public ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var coupons = new List<Coupon>();
        var redemptions = new List<CouponRedemption>();
        foreach (var (code, state) in _codes)
        {
            if (state.Coupon.AssignedTo == customerId)
            {
                coupons.Add(state.Coupon);
            }

            lock (state.Lock)
            {
                redemptions.AddRange(state.RedemptionsOf(customerId).Select(r => r.Change.ToRedemption(code, r.Order)));
            }
        }

        CampaignGrant[] grants;
        lock (_catalogLock)
        {
            grants = [.. _grants.Values.Where(g => g.CustomerId == customerId).OrderBy(g => g.CampaignId, StringComparer.Ordinal).ThenBy(g => g.Period, StringComparer.Ordinal)];
        }

        var sections = new List<PersonalDataSection>(3);
        if (coupons.Count > 0)
        {
            sections.Add(PersonalDataSection.From("coupons", coupons.OrderBy(c => c.Code.Value, StringComparer.Ordinal).ToArray()));
        }

        if (redemptions.Count > 0)
        {
            sections.Add(PersonalDataSection.From("redemptions", redemptions.OrderBy(r => r.Code.Value, StringComparer.Ordinal).ThenBy(r => r.OrderId.Value, StringComparer.Ordinal).ToArray()));
        }

        if (grants.Length > 0)
        {
            sections.Add(PersonalDataSection.From("campaign_grants", grants));
        }

        return ValueTask.FromResult<IReadOnlyList<PersonalDataSection>>(sections);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Changes nothing: coupons, redemptions and grants hold the pseudonymous customer id, codes, amounts and counts,
    /// which the books and the usage caps need, and nothing that names the customer.
    /// </remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ErasureChanges.None);
    }

    private CodeState? Find(CouponCode code) => _codes.GetValueOrDefault(code);

    /// <summary>Results without a redemption are shared: the outcome is all they carry, and they are immutable.</summary>
    private static RedemptionResult ToResult(Change change, CouponCode code, OrderId order) => change.HasRedemption
        ? new RedemptionResult(change.Outcome, change.ToRedemption(code, order))
        : Rejections[(int)change.Outcome];

    private static readonly RedemptionResult[] Rejections = [.. Enum.GetValues<RedemptionOutcome>().Select(o => new RedemptionResult(o))];

}
