using System.Collections.Concurrent;
using CustomerCare.Campaigns;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>
/// The SQLite <see cref="ICouponStore"/> and <see cref="ICampaignLedger"/>: codes with their counts, redemptions keyed by
/// (code, order), and campaign grants keyed by (campaign, customer, period), in one file.
/// </summary>
/// <remarks>
/// <para>A reservation is a guarded <c>UPDATE coupons SET reserved = reserved + 1 WHERE … reserved + confirmed &lt; cap</c>
/// that must touch exactly one row, in the same transaction as the redemption row; a release gives the use back the
/// same way, so the counts stay exact under any interleaving. A grant inserts the coupon and the grant in one transaction.</para>
/// <para>Thread-safe, also across processes sharing the file; see <see cref="SqliteDatabase"/>.</para>
/// </remarks>
public sealed class SqliteCouponStore : ICouponStore, ICampaignLedger, IPersonalDataHolder
{
    private const string RedemptionColumns = "code, order_id, customer_id, discount_amount, discount_currency, state, reserved_at, confirmed_at, released_at";
    private const int RedemptionColumnCount = 9;
    private static readonly string JoinedRedemptionColumns = string.Join(", ", RedemptionColumns.Split(", ").Select(c => "r." + c));
    private const string CouponColumns = "code, definition_id, issued_at, assigned_to, max_redemptions, per_customer_limit, valid_from, valid_until";

    /// <summary>How many definitions are kept once read; a shop has a few dozen.</summary>
    internal const int MaxKnownDefinitions = 4_096;

    private readonly SqliteDatabase _database;

    // A stored definition never changes (AddDefinitionAsync keeps the first one) and is never deleted, so once read it
    // holds for the life of the process; every campaign grant read it again, document and all.
    private readonly ConcurrentDictionary<string, CouponDefinition> _knownDefinitions = new(StringComparer.Ordinal);

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteCouponStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<bool> AddDefinitionAsync(CouponDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var document = StorageJson.Serialize(definition);
        return await _database.WriteAsync(
            async write =>
            {
                using var insert = write.Command("INSERT INTO coupon_definitions (id, document) VALUES ($id, $document) ON CONFLICT (id) DO NOTHING;")
                    .With("$id", definition.Id).With("$document", document);
                return await insert.ExecuteNonQueryAsync(write.CancellationToken) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<CouponDefinition?> FindDefinitionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_knownDefinitions.TryGetValue(id, out var known))
        {
            return known;
        }

        var found = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT document FROM coupon_definitions WHERE id = $id;");
                command.With("$id", id);
                return await command.ExecuteScalarAsync(cancellationToken) is string document ? StorageJson.Deserialize<CouponDefinition>(document) : null;
            },
            cancellationToken);

        // A missing one is not remembered: another writer may add it at any moment.
        if (found is not null && _knownDefinitions.Count < MaxKnownDefinitions)
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
        if (coupons.Select(c => c.Code).Distinct().Count() != coupons.Count)
        {
            throw new ArgumentException("The list repeats a code.", nameof(coupons));
        }

        var rows = coupons.Select(CouponRow.From).ToArray();
        return await _database.WriteAsync(
            async write =>
            {
                var ct = write.CancellationToken;
                using (var definitions = write.Command("SELECT 1 FROM coupon_definitions WHERE id = $id;"))
                {
                    var id = definitions.Parameter("$id", SqliteType.Text);
                    foreach (var definitionId in coupons.Select(c => c.DefinitionId).Distinct(StringComparer.Ordinal))
                    {
                        id.Value = definitionId;
                        if (await definitions.ExecuteScalarAsync(ct) is null)
                        {
                            throw new ArgumentException($"Coupon definition '{definitionId}' does not exist.", nameof(coupons));
                        }
                    }
                }

                // One prepared insert, reused for every row; a taken code is skipped by the unique key, never pre-checked.
                using var insert = InsertCoupon(write, "ON CONFLICT (code) DO NOTHING");
                var taken = new List<CouponCode>();
                for (var i = 0; i < rows.Length; i++)
                {
                    rows[i].Bind(insert);
                    if (await insert.ExecuteNonQueryAsync(ct) == 0)
                    {
                        taken.Add(coupons[i].Code);
                    }

                    write.Database.BatchRowWritten?.Invoke(i);
                }

                if (taken.Count > 0)
                {
                    write.Rollback();
                }

                return (IReadOnlyList<CouponCode>)taken;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<Coupon?> FindCouponAsync(CouponCode code, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command($"SELECT {CouponColumns} FROM coupons WHERE code = $code;");
                command.With("$code", code.Value);
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? CouponRow.Read(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask<RedemptionResult> ReserveAsync(RedemptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var at = SqliteValues.Stored(request.At, "at");
        return await _database.WriteAsync(
            async write =>
            {
                var ct = write.CancellationToken;
                // The order's redemption (if any) and the coupon's owner in one read: most checkouts are a first try.
                CouponRedemption? existing;
                string? owner;
                using (var find = write.Command($"SELECT {JoinedRedemptionColumns}, c.assigned_to FROM coupons c LEFT JOIN redemptions r ON r.code = c.code AND r.order_id = $order WHERE c.code = $code;")
                    .With("$code", request.Code.Value)
                    .With("$order", request.OrderId.Value))
                using (var reader = await find.ExecuteReaderAsync(ct))
                {
                    if (!await reader.ReadAsync(ct))
                    {
                        return new RedemptionResult(RedemptionOutcome.UnknownCode);
                    }

                    existing = reader.IsDBNull(0) ? null : ReadRedemption(reader);
                    owner = reader.GetNullableString(RedemptionColumnCount);
                }

                if (existing is not null)
                {
                    var outcome = existing.CustomerId != request.CustomerId || existing.Discount != request.Discount ? RedemptionOutcome.PayloadMismatch
                        : existing.State != RedemptionState.Released ? RedemptionOutcome.AlreadyDone
                        : RedemptionOutcome.AlreadyReleased;
                    return new RedemptionResult(outcome, existing);
                }

                if (owner is not null && !string.Equals(owner, request.CustomerId.Value, StringComparison.Ordinal))
                {
                    return new RedemptionResult(RedemptionOutcome.AssignedToAnotherCustomer);
                }

                // The guarded update: the cap and the per-customer limit are checked by the statement that takes the use.
                using (var take = write.Command(
                    "UPDATE coupons SET reserved = reserved + 1 WHERE code = $code AND (max_redemptions IS NULL OR reserved + confirmed < max_redemptions) "
                    + "AND (per_customer_limit IS NULL OR (SELECT COUNT(*) FROM redemptions WHERE code = $code AND customer_id = $customer AND state <> 'Released') < per_customer_limit);")
                    .With("$code", request.Code.Value)
                    .With("$customer", request.CustomerId.Value))
                {
                    if (await take.ExecuteNonQueryAsync(ct) != 1)
                    {
                        return new RedemptionResult(await CapReachedAsync(write, request.Code) ? RedemptionOutcome.CapReached : RedemptionOutcome.PerCustomerLimitReached);
                    }
                }

                using var insert = write.Command(
                    $"INSERT INTO redemptions ({RedemptionColumns}) VALUES ($code, $order, $customer, $amount, $currency, 'Reserved', $at, NULL, NULL);")
                    .With("$code", request.Code.Value)
                    .With("$order", request.OrderId.Value)
                    .With("$customer", request.CustomerId.Value)
                    .With("$amount", SqliteValues.Amount(request.Discount.Amount))
                    .With("$currency", request.Discount.Currency.Code)
                    .With("$at", at);
                await insert.ExecuteNonQueryAsync(ct);
                return new RedemptionResult(RedemptionOutcome.Done, new CouponRedemption(request.Code, request.OrderId, request.CustomerId, request.Discount, RedemptionState.Reserved, request.At));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<RedemptionResult> ConfirmAsync(CouponCode code, OrderId orderId, Instant at, CancellationToken cancellationToken = default)
    {
        var stored = SqliteValues.Stored(at, "at");
        return await _database.WriteAsync(
            async write =>
            {
                // Tried first, as most confirmations find their reservation; the reads below only explain a refusal.
                if (await TryMoveAsync(write, code, orderId, RedemptionState.Reserved, RedemptionState.Confirmed, "confirmed_at", stored) is { } confirmed)
                {
                    return new RedemptionResult(RedemptionOutcome.Done, confirmed);
                }

                if (await FindRedemptionAsync(write, code, orderId) is not { } existing)
                {
                    return new RedemptionResult(await CouponExistsAsync(write, code) ? RedemptionOutcome.NotReserved : RedemptionOutcome.UnknownCode);
                }

                return new RedemptionResult(existing.State == RedemptionState.Confirmed ? RedemptionOutcome.AlreadyDone : RedemptionOutcome.AlreadyReleased, existing);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<RedemptionResult> ReleaseAsync(CouponCode code, OrderId orderId, Instant at, CancellationToken cancellationToken = default)
    {
        var stored = SqliteValues.Stored(at, "at");
        return await _database.WriteAsync(
            async write =>
            {
                if (await FindRedemptionAsync(write, code, orderId) is not { } existing)
                {
                    return new RedemptionResult(await CouponExistsAsync(write, code) ? RedemptionOutcome.NotReserved : RedemptionOutcome.UnknownCode);
                }

                if (existing.State == RedemptionState.Released)
                {
                    return new RedemptionResult(RedemptionOutcome.AlreadyDone, existing);
                }

                var released = await TryMoveAsync(write, code, orderId, existing.State, RedemptionState.Released, "released_at", stored)
                    ?? throw new InvalidOperationException($"Redemption ({code}, {orderId}) left state {existing.State} inside its own write transaction.");
                return new RedemptionResult(RedemptionOutcome.Done, released);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<CouponUsage> GetUsageAsync(CouponCode code, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT reserved, confirmed, released FROM coupons WHERE code = $code;");
                command.With("$code", code.Value);
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? new CouponUsage(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : new CouponUsage(0, 0, 0);
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CouponRedemption>> RedemptionsOfOrderAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        var found = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command($"SELECT {RedemptionColumns} FROM redemptions WHERE order_id = $order;");
                command.With("$order", orderId.Value);
                var redemptions = new List<CouponRedemption>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    redemptions.Add(ReadRedemption(reader));
                }

                return redemptions;
            },
            cancellationToken);
        return [.. found.OrderBy(r => r.Code.Value, StringComparer.Ordinal)];
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

        var row = CouponRow.From(coupon);
        var grantedAt = SqliteValues.Stored(grant.GrantedAt, "granted_at");
        return await _database.WriteAsync(
            async write =>
            {
                var ct = write.CancellationToken;
                using (var definition = write.Command("SELECT 1 FROM coupon_definitions WHERE id = $id;").With("$id", coupon.DefinitionId))
                {
                    if (await definition.ExecuteScalarAsync(ct) is null)
                    {
                        throw new ArgumentException($"Coupon definition '{coupon.DefinitionId}' does not exist.", nameof(coupon));
                    }
                }

                // The immediate transaction holds the write lock, so this read is exact; the primary key still guards the insert below.
                using (var existing = write.Command("SELECT 1 FROM campaign_grants WHERE campaign_id = $campaign AND customer_id = $customer AND period = $period;")
                    .With("$campaign", grant.CampaignId).With("$customer", grant.CustomerId.Value).With("$period", grant.Period))
                {
                    if (await existing.ExecuteScalarAsync(ct) is not null)
                    {
                        return GrantOutcome.AlreadyGranted;
                    }
                }

                using (var insertCoupon = InsertCoupon(write, "ON CONFLICT (code) DO NOTHING"))
                {
                    row.Bind(insertCoupon);
                    if (await insertCoupon.ExecuteNonQueryAsync(ct) == 0)
                    {
                        return GrantOutcome.CodeTaken;
                    }
                }

                using var insertGrant = write.Command("INSERT INTO campaign_grants (campaign_id, customer_id, period, granted_at, code) VALUES ($campaign, $customer, $period, $at, $code);")
                    .With("$campaign", grant.CampaignId).With("$customer", grant.CustomerId.Value).With("$period", grant.Period).With("$at", grantedAt).With("$code", grant.Code.Value);
                await insertGrant.ExecuteNonQueryAsync(ct);
                return GrantOutcome.Granted;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<CampaignGrant?> FindGrantAsync(string campaignId, CustomerId customerId, string period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(period);
        var found = await GrantsWhereAsync(
            "campaign_id = $campaign AND customer_id = $customer AND period = $period",
            c => c.With("$campaign", campaignId).With("$customer", customerId.Value).With("$period", period),
            cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CampaignGrant>> GrantsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        var grants = await GrantsWhereAsync("campaign_id = $campaign", c => c.With("$campaign", campaignId), cancellationToken);
        return [.. grants.OrderBy(g => g.CustomerId).ThenBy(g => g.Period, StringComparer.Ordinal)];
    }

    private ValueTask<IReadOnlyList<CampaignGrant>> GrantsWhereAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command($"SELECT campaign_id, customer_id, period, granted_at, code FROM campaign_grants WHERE {where};");
                bind(command);
                var grants = new List<CampaignGrant>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    grants.Add(new CampaignGrant(reader.GetString(0), CustomerId.From(reader.GetString(1)), reader.GetString(2), reader.GetInstant(3), CouponCode.Parse(reader.GetString(4))));
                }

                return (IReadOnlyList<CampaignGrant>)grants;
            },
            cancellationToken);

    private static SqliteCommand InsertCoupon(SqliteWrite write, string onConflict)
    {
        var command = write.Command($"INSERT INTO coupons ({CouponColumns}) VALUES ($code, $definition, $issued, $owner, $max, $perCustomer, $from, $until) {onConflict};");
        CouponRow.AddParameters(command);
        return command;
    }

    private static async ValueTask<CouponRedemption?> FindRedemptionAsync(SqliteWrite write, CouponCode code, OrderId orderId)
    {
        using var find = write.Command($"SELECT {RedemptionColumns} FROM redemptions WHERE code = $code AND order_id = $order;")
            .With("$code", code.Value)
            .With("$order", orderId.Value);
        using var reader = await find.ExecuteReaderAsync(write.CancellationToken);
        return await reader.ReadAsync(write.CancellationToken) ? ReadRedemption(reader) : null;
    }

    private static async ValueTask<bool> CouponExistsAsync(SqliteWrite write, CouponCode code)
    {
        using var find = write.Command("SELECT 1 FROM coupons WHERE code = $code;").With("$code", code.Value);
        return await find.ExecuteScalarAsync(write.CancellationToken) is not null;
    }

    private static async ValueTask<bool> CapReachedAsync(SqliteWrite write, CouponCode code)
    {
        using var find = write.Command("SELECT max_redemptions IS NOT NULL AND reserved + confirmed >= max_redemptions FROM coupons WHERE code = $code;").With("$code", code.Value);
        return await find.ExecuteScalarAsync(write.CancellationToken) is long reached && reached == 1;
    }

    /// <summary>Moves a redemption from one state to another and its use between the coupon's counts, each a guarded single-row update.</summary>
    /// <returns>The moved redemption, or <see langword="null"/> when none was in <paramref name="from"/> (nothing written).</returns>
    private static async ValueTask<CouponRedemption?> TryMoveAsync(SqliteWrite write, CouponCode code, OrderId orderId, RedemptionState from, RedemptionState to, string instantColumn, long at)
    {
        var ct = write.CancellationToken;
        CouponRedemption moved;
        using (var redemption = write.Command($"UPDATE redemptions SET state = $to, {instantColumn} = $at WHERE code = $code AND order_id = $order AND state = $from RETURNING {RedemptionColumns};")
            .With("$to", SqliteValues.Name(to)).With("$at", at).With("$code", code.Value).With("$order", orderId.Value).With("$from", SqliteValues.Name(from)))
        using (var reader = await redemption.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            moved = ReadRedemption(reader);
        }

        var counts = (from, to) switch
        {
            (RedemptionState.Reserved, RedemptionState.Confirmed) => "reserved = reserved - 1, confirmed = confirmed + 1",
            (RedemptionState.Reserved, _) => "reserved = reserved - 1, released = released + 1",
            _ => "confirmed = confirmed - 1, released = released + 1",
        };
        using var usage = write.Command($"UPDATE coupons SET {counts} WHERE code = $code;").With("$code", code.Value);
        if (await usage.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new InvalidOperationException($"Coupon {code} vanished while its redemption for order {orderId} moved to {to}.");
        }

        return moved;
    }

    private static CouponRedemption ReadRedemption(SqliteDataReader reader) =>
        new(CouponCode.Parse(reader.GetString(0)), OrderId.From(reader.GetString(1)), CustomerId.From(reader.GetString(2)), reader.GetMoney(3, 4), reader.GetEnum<RedemptionState>(5), reader.GetInstant(6))
        {
            ConfirmedAt = reader.GetNullableInstant(7),
            ReleasedAt = reader.GetNullableInstant(8),
        };

    /// <summary>A coupon's column values, converted (and their instants checked) before the transaction starts.</summary>
    private sealed record CouponRow(string Code, string DefinitionId, long IssuedAt, string? Owner, long? Max, int? PerCustomer, long? ValidFrom, long? ValidUntil)
    {
        public static CouponRow From(Coupon coupon) => new(
            coupon.Code.Value,
            coupon.DefinitionId,
            SqliteValues.Stored(coupon.IssuedAt, "issued_at"),
            coupon.AssignedTo?.Value,
            coupon.MaxRedemptions,
            coupon.PerCustomerLimit,
            coupon.ValidFrom is { } from ? SqliteValues.Stored(from, "valid_from") : null,
            coupon.ValidUntil is { } until ? SqliteValues.Stored(until, "valid_until") : null);

        public static void AddParameters(SqliteCommand command)
        {
            foreach (var name in new[] { "$code", "$definition", "$owner" })
            {
                command.Parameter(name, SqliteType.Text);
            }

            foreach (var name in new[] { "$issued", "$max", "$perCustomer", "$from", "$until" })
            {
                command.Parameter(name, SqliteType.Integer);
            }
        }

        public void Bind(SqliteCommand command)
        {
            command.Parameters["$code"].Value = Code;
            command.Parameters["$definition"].Value = DefinitionId;
            command.Parameters["$owner"].Value = SqliteValues.Db(Owner);
            command.Parameters["$issued"].Value = IssuedAt;
            command.Parameters["$max"].Value = SqliteValues.Db(Max);
            command.Parameters["$perCustomer"].Value = SqliteValues.Db(PerCustomer);
            command.Parameters["$from"].Value = SqliteValues.Db(ValidFrom);
            command.Parameters["$until"].Value = SqliteValues.Db(ValidUntil);
        }

        public static Coupon Read(SqliteDataReader reader) =>
            new(CouponCode.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInstant(2))
            {
                AssignedTo = reader.GetNullableString(3) is { } owner ? CustomerId.From(owner) : null,
                MaxRedemptions = reader.GetNullableInt64(4),
                PerCustomerLimit = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                ValidFrom = reader.GetNullableInstant(6),
                ValidUntil = reader.GetNullableInstant(7),
            };
    }

    /// <inheritdoc />
    /// <remarks>Sections <c>coupons</c> (assigned to the customer), <c>redemptions</c> and <c>campaign_grants</c>, read in one snapshot.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var (coupons, redemptions) = await _database.ReadAsync(
            async connection =>
            {
                using var couponQuery = connection.Command($"SELECT {CouponColumns} FROM coupons WHERE assigned_to = $customer ORDER BY code;");
                couponQuery.With("$customer", customerId.Value);
                var coupons = new List<Coupon>();
                using (var reader = await couponQuery.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        coupons.Add(CouponRow.Read(reader));
                    }
                }

                using var redemptionQuery = connection.Command($"SELECT {RedemptionColumns} FROM redemptions WHERE customer_id = $customer ORDER BY code, order_id;");
                redemptionQuery.With("$customer", customerId.Value);
                var redemptions = new List<CouponRedemption>();
                using (var reader = await redemptionQuery.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        redemptions.Add(ReadRedemption(reader));
                    }
                }

                return (coupons, redemptions);
            },
            cancellationToken,
            snapshot: true);
        var grants = await GrantsWhereAsync("customer_id = $customer", c => c.With("$customer", customerId.Value), cancellationToken);
        var sections = new List<PersonalDataSection>(3);
        if (coupons.Count > 0)
        {
            sections.Add(PersonalDataSection.From("coupons", coupons));
        }

        if (redemptions.Count > 0)
        {
            sections.Add(PersonalDataSection.From("redemptions", redemptions));
        }

        if (grants.Count > 0)
        {
            sections.Add(PersonalDataSection.From("campaign_grants", grants.OrderBy(g => g.CampaignId, StringComparer.Ordinal).ThenBy(g => g.Period, StringComparer.Ordinal).ToArray()));
        }

        return sections;
    }

    /// <inheritdoc />
    /// <remarks>Changes nothing: coupons, redemptions and grants hold the pseudonymous customer id, codes, amounts and counts, which the books and the usage caps need, and nothing that names the customer.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ErasureChanges.None);
    }
}
