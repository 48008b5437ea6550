using CustomerCare.Privacy.Erasure;
using System.Globalization;
using System.Runtime.CompilerServices;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>
/// The <see cref="ICustomerStore"/> and <see cref="IProcessedEventLedger"/> on PostgreSQL: customers and orders as JSON
/// documents beside the columns queries use, and the ledger of processed events, all written by one transaction per
/// commit.
/// </summary>
/// <remarks>
/// <para><b>Atomicity.</b> <see cref="CommitAsync"/> writes the events (primary key on the event id), then the customers
/// and the orders, each new one with <c>INSERT … ON CONFLICT DO NOTHING</c> and each existing one with an update guarded
/// by <c>version = expected</c>, after locking the existing rows in ascending id order. Any miss rolls everything back
/// and returns the conflict.</para>
/// <para><b>Queries.</b> A <see cref="BirthdaySpecification"/> is answered from the (month, day) index; a
/// <see cref="Segments.SegmentSpecification"/> is narrowed in SQL on the numeric columns its rule reads; every result is then checked with the specification itself and ordered and paged as
/// <see cref="InMemorySpecificationEvaluator"/> does, so results are the reference results.</para>
/// <para><b>Thread safety.</b> Thread-safe, and safe across processes sharing the database.</para>
/// </remarks>
public sealed class PostgreSqlCustomerStore : ICustomerStore, IProcessedEventLedger, IPersonalDataHolder
{
    private const int PageSize = 1000;
    private readonly PostgreSqlDatabase _database;
    private readonly string _insertEvents;
    private readonly string _insertCustomers;
    private readonly string _lockCustomers;
    private readonly string _updateCustomers;
    private readonly string _insertOrders;
    private readonly string _lockOrders;
    private readonly string _updateOrders;
    private readonly string _findCustomer;
    private readonly string _findOrder;
    private readonly string _allOrders;
    private readonly string _undeliveredOrders;
    private readonly string _findEvent;
    private readonly string _prune;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlCustomerStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _insertEvents = database.Sql("INSERT INTO {s}.processed_events (event_id, kind, customer_id, processed_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) ON CONFLICT (event_id) DO NOTHING RETURNING event_id");
        _insertCustomers = database.Sql($"INSERT INTO {{s}}.customers ({CustomerRows.CustomerColumns}) SELECT * FROM {CustomerRows.CustomerUnnest} ON CONFLICT (id) DO NOTHING RETURNING id");
        _lockCustomers = database.Sql("SELECT id FROM {s}.customers WHERE id = ANY($1) ORDER BY id FOR UPDATE");
        _updateCustomers = database.Sql($$"""
            UPDATE {s}.customers c SET version = u.version, birth_month = u.birth_month, birth_day = u.birth_day, birth_year = u.birth_year,
                gender = u.gender, age_band = u.age_band, education = u.education, income_band = u.income_band, order_count = u.order_count,
                total_spend = u.total_spend, refunded_total = u.refunded_total, returns_count = u.returns_count, cancelled_count = u.cancelled_count,
                review_count = u.review_count, signed_up_at = u.signed_up_at, first_order_at = u.first_order_at, last_order_at = u.last_order_at,
                consent_mask = u.consent_mask, document = u.document
            FROM {{CustomerRows.CustomerUnnest}} AS u({{CustomerRows.CustomerColumns}})
            WHERE c.id = u.id AND c.version = u.version - 1
            RETURNING c.id
            """);
        _insertOrders = database.Sql($"INSERT INTO {{s}}.orders ({CustomerRows.OrderColumns}) SELECT * FROM {CustomerRows.OrderUnnest} ON CONFLICT (id) DO NOTHING RETURNING id");
        _lockOrders = database.Sql("SELECT id FROM {s}.orders WHERE id = ANY($1) ORDER BY id FOR UPDATE");
        _updateOrders = database.Sql($$"""
            UPDATE {s}.orders o SET customer_id = u.customer_id, version = u.version, status = u.status, placed_at = u.placed_at, document = u.document
            FROM {{CustomerRows.OrderUnnest}} AS u({{CustomerRows.OrderColumns}})
            WHERE o.id = u.id AND o.version = u.version - 1
            RETURNING o.id
            """);
        _findCustomer = database.Sql("SELECT version, document FROM {s}.customers WHERE id = $1");
        _findOrder = database.Sql("SELECT version, document FROM {s}.orders WHERE id = $1");
        _allOrders = database.Sql("SELECT version, document FROM {s}.orders ORDER BY id");
        // Literals, not parameters, so the planner can match the partial index orders_open (migration 0007). No ORDER BY:
        // the orders are sorted after reading, and asked for id order the planner may walk the primary key instead.
        _undeliveredOrders = database.Sql(string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT version, document FROM {{s}}.orders WHERE status IN ({(short)OrderStatus.Placed}, {(short)OrderStatus.Shipped})"));
        _findEvent = database.Sql("SELECT event_id, kind, customer_id, processed_at FROM {s}.processed_events WHERE event_id = $1");
        _prune = database.Sql("DELETE FROM {s}.processed_events WHERE processed_at < $1");
    }

    /// <inheritdoc />
    public async ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.FirstAsync(_findCustomer, r => CustomerRows.ReadCustomer(r, 0, 1), ct, id.Value), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Customer>> ListAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        var query = CustomerQuery.For(specification, _database);
        var rows = await _database.ReadAsync((tx, ct) => tx.ListAsync(query.Sql, r => CustomerRows.ReadCustomer(r, 0, 1), ct, query.Parameters), cancellationToken).ConfigureAwait(false);
        if (query.PagedInSql)
        {
            return rows;
        }

        SortOrdinally(rows);
        return [.. InMemorySpecificationEvaluator.Evaluate(rows, specification)];
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Customer> StreamAsync(ISpecification<Customer> specification, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        // Ordering needs every match before the first can be yielded. A birthday run's matches are few and found through
        // the (month, day) index: paged by id, the planner would walk the primary key over the whole table instead.
        if (specification.OrderExpressions.Count > 0 || specification is BirthdaySpecification)
        {
            foreach (var customer in await ListAsync(specification, cancellationToken).ConfigureAwait(false))
            {
                yield return customer;
            }

            yield break;
        }

        // Pages by id, each read on its own (and retried on its own), so a long stream holds no connection between pages.
        var skip = specification.Skip ?? 0;
        var left = specification.Take ?? int.MaxValue;
        string? after = null;
        while (left > 0)
        {
            var query = CustomerQuery.Page(specification, _database, after, PageSize);
            var page = await _database.ReadAsync((tx, ct) => tx.ListAsync(query.Sql, r => (Id: r.GetString(2), Customer: CustomerRows.ReadCustomer(r, 0, 1)), ct, query.Parameters), cancellationToken).ConfigureAwait(false);
            foreach (var (_, customer) in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!specification.IsSatisfiedBy(customer))
                {
                    continue;
                }

                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                if (left-- <= 0)
                {
                    yield break;
                }

                yield return customer;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        var query = CustomerQuery.For(specification, _database);
        if (query.CountInSql is { } countSql)
        {
            return await _database.ReadAsync((tx, ct) => tx.ScalarAsync<long>(countSql, ct, query.Parameters), cancellationToken).ConfigureAwait(false);
        }

        long count = 0;
        await foreach (var customer in StreamAsync(new CriteriaOnly(specification), cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <inheritdoc />
    public async ValueTask<Order?> FindOrderAsync(OrderId id, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.FirstAsync(_findOrder, r => CustomerRows.ReadOrder(r, 0, 1), ct, id.Value), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Order>> ListOrdersAsync(ISpecification<Order> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var sql = OrdersQuery(specification);
        var orders = await _database.ReadAsync((tx, ct) => tx.ListAsync(sql, r => CustomerRows.ReadOrder(r, 0, 1), ct), cancellationToken).ConfigureAwait(false);
        orders.Sort((a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        return [.. InMemorySpecificationEvaluator.Evaluate(orders, specification)];
    }

    /// <summary>
    /// The statement that reads every order a specification can accept: the placed and shipped ones for
    /// <see cref="UndeliveredPromisedOrdersSpecification"/>, every order for any other (internal for the query-plan tests).
    /// </summary>
    internal string OrdersQuery(ISpecification<Order> specification) =>
        specification is UndeliveredPromisedOrdersSpecification ? _undeliveredOrders : _allOrders;

    /// <inheritdoc />
    public async ValueTask<CommitResult> CommitAsync(CustomerChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return CommitResult.Committed;
        }

        return await _database.WriteAsync(async (tx, ct) =>
        {
            var conflict = await WriteEventsAsync(tx, changes.Events, ct).ConfigureAwait(false)
                ?? await WriteAsync(tx, changes.Customers, w => w.Item.Id.Value, _lockCustomers, _insertCustomers, _updateCustomers, rows => CustomerRows.CustomerArrays([.. rows.Select(w => (w.Item, w.ExpectedVersion + 1))]), ct).ConfigureAwait(false)
                ?? await WriteAsync(tx, changes.Orders, w => w.Item.Id.Value, _lockOrders, _insertOrders, _updateOrders, rows => CustomerRows.OrderArrays([.. rows.Select(w => (w.Item, w.ExpectedVersion + 1))]), ct).ConfigureAwait(false);
            if (conflict is not null)
            {
                tx.Rollback();
                return conflict;
            }

            return CommitResult.Committed;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> ContainsAsync(EventId eventId, CancellationToken cancellationToken = default) =>
        await FindEntryAsync(eventId, cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc />
    public async ValueTask<ProcessedEvent?> FindEntryAsync(EventId eventId, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync(
            (tx, ct) => tx.FirstAsync(_findEvent, r => new ProcessedEvent(EventId.From(r.GetString(0)), r.GetString(1), CustomerId.From(r.GetString(2)), r.GetInstant(3)), ct, eventId.Value),
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<int> PruneAsync(Instant processedBefore, CancellationToken cancellationToken = default) =>
        await _database.WriteAsync((tx, ct) => tx.ExecuteAsync(_prune, ct, PgValues.At(processedBefore)), cancellationToken).ConfigureAwait(false);

    private async Task<CommitResult?> WriteEventsAsync(PgTransaction tx, IReadOnlyList<ProcessedEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return null;
        }

        var written = (await tx.ListAsync(
            _insertEvents,
            r => r.GetString(0),
            cancellationToken,
            PgTransaction.TextArray(events.Select(e => e.EventId.Value)),
            PgTransaction.TextArray(events.Select(e => e.Kind)),
            PgTransaction.TextArray(events.Select(e => e.CustomerId.Value)),
            events.Select(e => PgValues.Nanos(e.ProcessedAt)).ToArray()).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        return events.FirstOrDefault(e => !written.Contains(e.EventId.Value)) is { } duplicate
            ? new CommitResult(CommitOutcome.EventAlreadyProcessed, duplicate.EventId.Value)
            : null;
    }

    private static async Task<CommitResult?> WriteAsync<T>(
        PgTransaction tx,
        IReadOnlyList<VersionedWrite<T>> writes,
        Func<VersionedWrite<T>, string> key,
        string lockSql,
        string insertSql,
        string updateSql,
        Func<IReadOnlyList<VersionedWrite<T>>, object[]> arrays,
        CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return null;
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        var updates = writes.Where(w => w.ExpectedVersion > 0).OrderBy(key, StringComparer.Ordinal).ToArray();
        if (updates.Length > 0)
        {
            // Rows are locked in ascending id order, the same in every transaction, so two commits cannot deadlock on them.
            await tx.ListAsync(lockSql, r => r.GetString(0), cancellationToken, PgTransaction.TextArray(updates.Select(key))).ConfigureAwait(false);
            done.UnionWith(await tx.ListAsync(updateSql, r => r.GetString(0), cancellationToken, arrays(updates)).ConfigureAwait(false));
        }

        var updatesWent = updates.Length == done.Count;
        var inserts = writes.Where(w => w.ExpectedVersion == 0).ToArray();
        if (inserts.Length > 0 && updatesWent)
        {
            done.UnionWith(await tx.ListAsync(insertSql, r => r.GetString(0), cancellationToken, arrays(inserts)).ConfigureAwait(false));
        }

        // Inserts are tried only when every update went through, so a missed update is the conflict to report.
        var attempted = updatesWent ? writes : updates;
        return attempted.FirstOrDefault(w => !done.Contains(key(w))) is { } missed
            ? new CommitResult(CommitOutcome.VersionConflict, key(missed))
            : null;
    }

    private static void SortOrdinally(List<Customer> customers) =>
        customers.Sort(static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));

    /// <summary>The criteria of a specification without its ordering and paging, for counting.</summary>
    private sealed class CriteriaOnly(ISpecification<Customer> inner) : ISpecification<Customer>, ICriteriaOf
    {
        public ISpecification<Customer> Inner => inner;

        public IReadOnlyList<System.Linq.Expressions.Expression<Func<Customer, bool>>> Criteria => inner.Criteria;

        public IReadOnlyList<OrderExpression<Customer>> OrderExpressions => [];

        public int? Skip => null;

        public int? Take => null;

        public bool IsSatisfiedBy(Customer entity) => inner.IsSatisfiedBy(entity);
    }

    /// <inheritdoc />
    /// <remarks>Sections <c>profile</c>, <c>orders</c> and <c>processed_events</c>, read in one transaction.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var orders = _database.Sql("SELECT version, document FROM {s}.orders WHERE customer_id = $1 ORDER BY id");
        var events = _database.Sql("SELECT event_id, kind, processed_at FROM {s}.processed_events WHERE customer_id = $1 ORDER BY processed_at, event_id");
        return await _database.ReadAsync<IReadOnlyList<PersonalDataSection>>(
            async (tx, ct) =>
            {
                if (await tx.FirstAsync(_findCustomer, r => CustomerRows.ReadCustomer(r, 0, 1), ct, customerId.Value).ConfigureAwait(false) is not { } customer)
                {
                    return [];
                }

                var orderList = await tx.ListAsync(orders, r => CustomerRows.ReadOrder(r, 0, 1), ct, customerId.Value).ConfigureAwait(false);
                var eventList = await tx.ListAsync(events, r => new ProcessedEvent(EventId.From(r.GetString(0)), r.GetString(1), customerId, r.GetInstant(2)), ct, customerId.Value).ConfigureAwait(false);
                return [PersonalDataSection.From("profile", customer), PersonalDataSection.From("orders", orderList), PersonalDataSection.From("processed_events", eventList)];
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Anonymizes the profile with <see cref="CustomerAnonymizer"/> through <see cref="CommitAsync"/> (one transaction,
    /// under the version read, retried on a concurrent change); orders and processed events carry no identity and stay.
    /// </remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var attempt = 1; ; attempt++)
        {
            var customer = await FindAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (customer is null || CustomerAnonymizer.IsAnonymized(customer))
            {
                return ErasureChanges.None;
            }

            var result = await CommitAsync(new CustomerChangeSet { Customers = [new VersionedWrite<Customer>(CustomerAnonymizer.Anonymize(customer), customer.Version)] }, cancellationToken).ConfigureAwait(false);
            if (result.IsCommitted)
            {
                return ErasureChanges.None.With("profile", 1);
            }

            if (attempt == 10)
            {
                throw new ConcurrencyException($"Customer {customerId.Value} kept changing while it was being erased; erase it again.");
            }
        }
    }
}
