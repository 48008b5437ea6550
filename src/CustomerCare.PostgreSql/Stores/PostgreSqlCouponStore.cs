using System.Collections.Concurrent;
using CustomerCare.Campaigns;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using NodaTime;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>
/// The <see cref="ICouponStore"/> and <see cref="ICampaignLedger"/> on PostgreSQL: codes with their redemption counts,
/// one row per (code, order) redemption, and campaign grants written in the same transaction as their coupon.
/// </summary>
/// <remarks>
/// <para><b>Atomicity.</b> A reservation is a guarded <c>UPDATE coupons SET reserved = reserved + 1 WHERE code = $1 AND
/// (max_redemptions IS NULL OR reserved + confirmed &lt; max_redemptions)</c> that must touch exactly one row, in one
/// transaction with the redemption row, whose primary key is (code, order). The update holds the code's row lock until
/// commit, so the per-customer count and every other change of the code are serialized behind it; confirm and release
/// lock the code's row first too, so locks are always taken code first, then redemption. A check constraint keeps the
/// active count within the cap whatever happens.</para>
/// <para><b>Round trips.</b> Reserve, confirm and release are server-side functions (migration 6), each called as one
/// statement that is its own transaction: one round trip and one commit per call, where a client-side transaction took
/// five or six round trips.</para>
/// <para><b>Thread safety.</b> Thread-safe, and safe across processes sharing the database.</para>
/// </remarks>
public sealed class PostgreSqlCouponStore : ICouponStore, ICampaignLedger, IPersonalDataHolder
{
    private const string CouponColumns = "code, definition_id, issued_at, assigned_to, max_redemptions, per_customer_limit, valid_from, valid_until";
    private const string RedemptionColumns = "code, order_id, customer_id, discount_amount, discount_currency, state, reserved_at, confirmed_at, released_at";
    /// <summary>How many definitions are kept once read; a shop has a few dozen.</summary>
    internal const int MaxKnownDefinitions = 4_096;

    private readonly PostgreSqlDatabase _database;

    // A stored definition never changes (AddDefinitionAsync keeps the first one) and is never deleted, so once read it
    // holds for the life of the process, whichever instance added it; every campaign grant read it again.
    private readonly ConcurrentDictionary<string, CouponDefinition> _knownDefinitions = new(StringComparer.Ordinal);
    private readonly string _insertDefinition;
    private readonly string _findDefinition;
    private readonly string _definitionsExist;
    private readonly string _insertCoupons;
    private readonly string _findCoupon;
    private readonly string _reserve;
    private readonly string _confirm;
    private readonly string _release;
    private readonly string _usage;
    private readonly string _ofOrder;
    private readonly string _insertGrant;
    private readonly string _insertGrantCoupon;
    private readonly string _findGrant;
    private readonly string _grants;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlCouponStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _insertDefinition = database.Sql("INSERT INTO {s}.coupon_definitions (id, document) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING");
        _findDefinition = database.Sql("SELECT document FROM {s}.coupon_definitions WHERE id = $1");
        _definitionsExist = database.Sql("SELECT d FROM unnest($1::text[]) AS d WHERE NOT EXISTS (SELECT 1 FROM {s}.coupon_definitions WHERE id = d) LIMIT 1");
        _insertCoupons = database.Sql($$"""
            INSERT INTO {s}.coupons ({{CouponColumns}})
            SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::integer[], $7::bigint[], $8::bigint[])
            ON CONFLICT (code) DO NOTHING
            RETURNING code
            """);
        _findCoupon = database.Sql($"SELECT {CouponColumns} FROM {{s}}.coupons WHERE code = $1");
        _reserve = database.Sql("SELECT * FROM {s}.reserve_coupon($1, $2, $3, $4, $5, $6, $7)");
        _confirm = database.Sql("SELECT * FROM {s}.confirm_coupon($1, $2, $3, $4)");
        _release = database.Sql("SELECT * FROM {s}.release_coupon($1, $2, $3, $4)");
        _usage = database.Sql("SELECT reserved, confirmed, released FROM {s}.coupons WHERE code = $1");
        _ofOrder = database.Sql($"SELECT {RedemptionColumns} FROM {{s}}.coupon_redemptions WHERE order_id = $1");
        _insertGrant = database.Sql("INSERT INTO {s}.campaign_grants (campaign_id, customer_id, period, granted_at, code) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING");
        _insertGrantCoupon = database.Sql($"INSERT INTO {{s}}.coupons ({CouponColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING");
        _findGrant = database.Sql("SELECT campaign_id, customer_id, period, granted_at, code FROM {s}.campaign_grants WHERE campaign_id = $1 AND customer_id = $2 AND period = $3");
        _grants = database.Sql("SELECT campaign_id, customer_id, period, granted_at, code FROM {s}.campaign_grants WHERE campaign_id = $1");
    }

    /// <inheritdoc />
    public async ValueTask<bool> AddDefinitionAsync(CouponDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var document = StorageJson.Serialize(definition);
        return await _database.WriteAsync(
            async (tx, ct) => await tx.ExecuteAsync(_insertDefinition, ct, definition.Id, PgTransaction.Jsonb(document)).ConfigureAwait(false) == 1,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<CouponDefinition?> FindDefinitionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_knownDefinitions.TryGetValue(id, out var known))
        {
            return known;
        }

        var document = await _database.ReadAsync((tx, ct) => tx.ScalarAsync<string>(_findDefinition, ct, id), cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            // Not remembered: another instance may add it at any moment.
            return null;
        }

        var found = StorageJson.Deserialize<CouponDefinition>(document);
        if (_knownDefinitions.Count < MaxKnownDefinitions)
        {
            _knownDefinitions.TryAdd(id, found);
        }

        return found;
    }

    /// <summary>How many definitions the store holds in memory; for tests.</summary>
    internal int KnownDefinitions => _knownDefinitions.Count;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CouponCode>> AddCouponsAsync(IReadOnlyList<Coupon> coupons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coupons);
        cancellationToken.ThrowIfCancellationRequested();
        if (coupons.Select(c => c.Code).Distinct().Count() != coupons.Count)
        {
            throw new ArgumentException("The list repeats a code.", nameof(coupons));
        }

        if (coupons.Count == 0)
        {
            return [];
        }

        return await _database.WriteAsync(async (tx, ct) =>
        {
            var missing = await tx.ScalarAsync<string>(_definitionsExist, ct, PgTransaction.TextArray(coupons.Select(c => c.DefinitionId).Distinct())).ConfigureAwait(false);
            if (missing is not null)
            {
                throw new ArgumentException($"Coupon definition '{missing}' does not exist.", nameof(coupons));
            }

            var inserted = (await tx.ListAsync(
                _insertCoupons,
                r => r.GetString(0),
                ct,
                PgTransaction.TextArray(coupons.Select(c => c.Code.Value)),
                PgTransaction.TextArray(coupons.Select(c => c.DefinitionId)),
                coupons.Select(c => PgValues.Nanos(c.IssuedAt)).ToArray(),
                coupons.Select(c => c.AssignedTo?.Value).ToArray(),
                coupons.Select(c => c.MaxRedemptions).ToArray(),
                coupons.Select(c => c.PerCustomerLimit).ToArray(),
                coupons.Select(c => PgValues.Nanos(c.ValidFrom)).ToArray(),
                coupons.Select(c => PgValues.Nanos(c.ValidUntil)).ToArray()).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            if (inserted.Count == coupons.Count)
            {
                return (IReadOnlyList<CouponCode>)[];
            }

            // All or nothing: the codes that were there already are named, and the others are rolled back.
            tx.Rollback();
            return [.. coupons.Select(c => c.Code).Where(c => !inserted.Contains(c.Value))];
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Coupon?> FindCouponAsync(CouponCode code, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.FirstAsync(_findCoupon, ReadCoupon, ct, code.Value), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<RedemptionResult> ReserveAsync(RedemptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (outcome, stored) = await CallAsync(
            _reserve,
            cancellationToken,
            request.Code.Value,
            request.OrderId.Value,
            request.CustomerId.Value,
            request.Discount.Amount,
            request.Discount.Currency.Code,
            PgValues.Nanos(request.At),
            _database.LockTimeoutSetting).ConfigureAwait(false);
        return outcome switch
        {
            FunctionOutcome.Done => new RedemptionResult(RedemptionOutcome.Done, new CouponRedemption(request.Code, request.OrderId, request.CustomerId, request.Discount, RedemptionState.Reserved, request.At)),
            FunctionOutcome.Stored => Repeated(stored!, request),
            FunctionOutcome.UnknownCode => new RedemptionResult(RedemptionOutcome.UnknownCode),
            FunctionOutcome.AssignedToAnotherCustomer => new RedemptionResult(RedemptionOutcome.AssignedToAnotherCustomer),
            FunctionOutcome.CapReached => new RedemptionResult(RedemptionOutcome.CapReached),
            FunctionOutcome.PerCustomerLimitReached => new RedemptionResult(RedemptionOutcome.PerCustomerLimitReached),
            _ => throw Unexpected("reserve_coupon", outcome),
        };
    }

    /// <inheritdoc />
    public async ValueTask<RedemptionResult> ConfirmAsync(CouponCode code, OrderId orderId, Instant at, CancellationToken cancellationToken = default)
    {
        var (outcome, stored) = await CallAsync(_confirm, cancellationToken, code.Value, orderId.Value, PgValues.Nanos(at), _database.LockTimeoutSetting).ConfigureAwait(false);
        return outcome switch
        {
            FunctionOutcome.Done => new RedemptionResult(RedemptionOutcome.Done, stored),
            FunctionOutcome.Stored => new RedemptionResult(stored!.State == RedemptionState.Confirmed ? RedemptionOutcome.AlreadyDone : RedemptionOutcome.AlreadyReleased, stored),
            FunctionOutcome.UnknownCode => new RedemptionResult(RedemptionOutcome.UnknownCode),
            FunctionOutcome.NotReserved => new RedemptionResult(RedemptionOutcome.NotReserved),
            _ => throw Unexpected("confirm_coupon", outcome),
        };
    }

    /// <inheritdoc />
    public async ValueTask<RedemptionResult> ReleaseAsync(CouponCode code, OrderId orderId, Instant at, CancellationToken cancellationToken = default)
    {
        var (outcome, stored) = await CallAsync(_release, cancellationToken, code.Value, orderId.Value, PgValues.Nanos(at), _database.LockTimeoutSetting).ConfigureAwait(false);
        return outcome switch
        {
            FunctionOutcome.Done => new RedemptionResult(RedemptionOutcome.Done, stored),
            FunctionOutcome.Stored => new RedemptionResult(RedemptionOutcome.AlreadyDone, stored),
            FunctionOutcome.UnknownCode => new RedemptionResult(RedemptionOutcome.UnknownCode),
            FunctionOutcome.NotReserved => new RedemptionResult(RedemptionOutcome.NotReserved),
            _ => throw Unexpected("release_coupon", outcome),
        };
    }

    /// <inheritdoc />
    public async ValueTask<CouponUsage> GetUsageAsync(CouponCode code, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync(
            (tx, ct) => tx.FirstAsync(_usage, r => new CouponUsage(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), ct, code.Value),
            cancellationToken).ConfigureAwait(false) ?? new CouponUsage(0, 0, 0);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CouponRedemption>> RedemptionsOfOrderAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        var found = await _database.ReadAsync((tx, ct) => tx.ListAsync(_ofOrder, ReadRedemption, ct, orderId.Value), cancellationToken).ConfigureAwait(false);
        found.Sort(static (a, b) => string.CompareOrdinal(a.Code.Value, b.Code.Value));
        return found;
    }

    /// <inheritdoc />
    public async ValueTask<GrantOutcome> GrantAsync(CampaignGrant grant, Coupon coupon, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(coupon);
        if (grant.Code != coupon.Code)
        {
            throw new ArgumentException($"The grant's code {grant.Code} is not the coupon's {coupon.Code}.", nameof(grant));
        }

        return await _database.WriteAsync(async (tx, ct) =>
        {
            if (await tx.ScalarAsync<string>(_definitionsExist, ct, PgTransaction.TextArray([coupon.DefinitionId])).ConfigureAwait(false) is not null)
            {
                throw new ArgumentException($"Coupon definition '{coupon.DefinitionId}' does not exist.", nameof(coupon));
            }

            // The grant goes first, so a second grant for the key is AlreadyGranted even when its code is also taken.
            if (await tx.ExecuteAsync(_insertGrant, ct, grant.CampaignId, grant.CustomerId.Value, grant.Period, PgValues.At(grant.GrantedAt), grant.Code.Value).ConfigureAwait(false) == 0)
            {
                tx.Rollback();
                return await tx.FirstAsync(_findGrant, ReadGrant, ct, grant.CampaignId, grant.CustomerId.Value, grant.Period).ConfigureAwait(false) is null
                    ? GrantOutcome.CodeTaken
                    : GrantOutcome.AlreadyGranted;
            }

            if (await tx.ExecuteAsync(_insertGrantCoupon, ct, CouponParameters(coupon)).ConfigureAwait(false) == 0)
            {
                tx.Rollback();
                return GrantOutcome.CodeTaken;
            }

            return GrantOutcome.Granted;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<CampaignGrant?> FindGrantAsync(string campaignId, CustomerId customerId, string period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(period);
        return await _database.ReadAsync((tx, ct) => tx.FirstAsync(_findGrant, ReadGrant, ct, campaignId, customerId.Value, period), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CampaignGrant>> GrantsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        var grants = await _database.ReadAsync((tx, ct) => tx.ListAsync(_grants, ReadGrant, ct, campaignId), cancellationToken).ConfigureAwait(false);
        return [.. grants.OrderBy(g => g.CustomerId).ThenBy(g => g.Period, StringComparer.Ordinal)];
    }

    // The parameters are plain values, never NpgsqlParameter objects: a retry builds its command from them again.
    private async Task<(FunctionOutcome Outcome, CouponRedemption? Stored)> CallAsync(string call, CancellationToken cancellationToken, params object?[] parameters) =>
        await _database.CallAsync(
            (tx, ct) => tx.FirstAsync(call, r => ((FunctionOutcome)r.GetInt16(0), r.IsDBNull(1) ? null : ReadRedemption(r, 1)), ct, parameters),
            cancellationToken).ConfigureAwait(false);

    private PostgreSqlStoreException Unexpected(string function, FunctionOutcome outcome) =>
        new($"PostgreSQL function {_database.Schema}.{function} answered outcome {(int)outcome}, which this library does not know; the schema's functions and the library disagree.");

    private static RedemptionResult Repeated(CouponRedemption existing, RedemptionRequest request) =>
        new(existing.CustomerId != request.CustomerId || existing.Discount != request.Discount ? RedemptionOutcome.PayloadMismatch
            : existing.State != RedemptionState.Released ? RedemptionOutcome.AlreadyDone
            : RedemptionOutcome.AlreadyReleased,
            existing);

    private static object?[] CouponParameters(Coupon coupon) =>
    [
        coupon.Code.Value,
        coupon.DefinitionId,
        PgValues.At(coupon.IssuedAt),
        PgValues.Text(coupon.AssignedTo?.Value),
        PgValues.Long(coupon.MaxRedemptions),
        PgValues.Int(coupon.PerCustomerLimit),
        PgValues.At(coupon.ValidFrom),
        PgValues.At(coupon.ValidUntil),
    ];

    private static Coupon ReadCoupon(NpgsqlDataReader r) => new(CouponCode.Parse(r.GetString(0)), r.GetString(1), r.GetInstant(2))
    {
        AssignedTo = r.GetStringOrNull(3) is { } owner ? CustomerId.From(owner) : null,
        MaxRedemptions = r.GetInt64OrNull(4),
        PerCustomerLimit = r.GetInt32OrNull(5),
        ValidFrom = r.GetInstantOrNull(6),
        ValidUntil = r.GetInstantOrNull(7),
    };

    private static CouponRedemption ReadRedemption(NpgsqlDataReader r) => ReadRedemption(r, 0);

    private static CouponRedemption ReadRedemption(NpgsqlDataReader r, int first) =>
        new(CouponCode.Parse(r.GetString(first)), OrderId.From(r.GetString(first + 1)), CustomerId.From(r.GetString(first + 2)), r.GetMoney(first + 3, first + 4), (RedemptionState)r.GetInt16(first + 5), r.GetInstant(first + 6))
        {
            ConfirmedAt = r.GetInstantOrNull(first + 7),
            ReleasedAt = r.GetInstantOrNull(first + 8),
        };

    private static CampaignGrant ReadGrant(NpgsqlDataReader r) =>
        new(r.GetString(0), CustomerId.From(r.GetString(1)), r.GetString(2), r.GetInstant(3), CouponCode.Parse(r.GetString(4)));

    /// <inheritdoc />
    /// <remarks>Sections <c>coupons</c> (assigned to the customer), <c>redemptions</c> and <c>campaign_grants</c>, read in one transaction.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var couponsOf = _database.Sql($"SELECT {CouponColumns} FROM {{s}}.coupons WHERE assigned_to = $1 ORDER BY code");
        var redemptionsOf = _database.Sql($"SELECT {RedemptionColumns} FROM {{s}}.coupon_redemptions WHERE customer_id = $1 ORDER BY code, order_id");
        var grantsOf = _database.Sql("SELECT campaign_id, customer_id, period, granted_at, code FROM {s}.campaign_grants WHERE customer_id = $1 ORDER BY campaign_id, period");
        return await _database.ReadAsync<IReadOnlyList<PersonalDataSection>>(
            async (tx, ct) =>
            {
                var sections = new List<PersonalDataSection>(3);
                var coupons = await tx.ListAsync(couponsOf, ReadCoupon, ct, customerId.Value).ConfigureAwait(false);
                if (coupons.Count > 0)
                {
                    sections.Add(PersonalDataSection.From("coupons", coupons));
                }

                var redemptions = await tx.ListAsync(redemptionsOf, ReadRedemption, ct, customerId.Value).ConfigureAwait(false);
                if (redemptions.Count > 0)
                {
                    sections.Add(PersonalDataSection.From("redemptions", redemptions));
                }

                var grants = await tx.ListAsync(grantsOf, ReadGrant, ct, customerId.Value).ConfigureAwait(false);
                if (grants.Count > 0)
                {
                    sections.Add(PersonalDataSection.From("campaign_grants", grants));
                }

                return sections;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Changes nothing: coupons, redemptions and grants hold the pseudonymous customer id, codes, amounts and counts, which the books and the usage caps need, and nothing that names the customer.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ErasureChanges.None);
    }

    /// <summary>The first column of <c>reserve_coupon</c>, <c>confirm_coupon</c> and <c>release_coupon</c> (migration 6).</summary>
    private enum FunctionOutcome : short
    {
        /// <summary>Done by this call.</summary>
        Done = 0,

        /// <summary>The stored redemption of (code, order) answers the call.</summary>
        Stored = 1,

        /// <summary>No coupon has the code.</summary>
        UnknownCode = 2,

        /// <summary>The coupon is assigned to another customer.</summary>
        AssignedToAnotherCustomer = 3,

        /// <summary>The coupon's cap is reached.</summary>
        CapReached = 4,

        /// <summary>The customer's limit on the coupon is reached.</summary>
        PerCustomerLimitReached = 5,

        /// <summary>No redemption of (code, order) exists.</summary>
        NotReserved = 6,
    }
}
