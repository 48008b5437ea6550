using System.Runtime.CompilerServices;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Specifications;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>
/// The SQLite <see cref="ICustomerStore"/> and <see cref="IProcessedEventLedger"/>: customers and orders as JSON documents
/// beside the columns queries use, and the ledger of processed events, all in one file.
/// </summary>
/// <remarks>
/// <para><b>Commits.</b> A change set is one <c>BEGIN IMMEDIATE</c> transaction: each event is inserted under its unique
/// key, each item is written with <c>UPDATE … WHERE id = $id AND version = $expected</c> (or inserted when the expected
/// version is 0), all with prepared, reused statements; any miss rolls everything back and returns the conflict.</para>
/// <para><b>Queries.</b> A <see cref="BirthdaySpecification"/> becomes a condition on the indexed (birth_month, birth_day)
/// columns, and a <see cref="Segments.SegmentSpecification"/> a condition on the stored columns its rule reads; every row
/// found is still checked with the specification, so results equal the in-memory evaluator's. Streams read in pages of
/// <see cref="SqliteStoreOptions.BatchSize"/> rows, in ordinal identifier order.</para>
/// <para><b>Thread safety.</b> Thread-safe, also across processes sharing the file; see <see cref="SqliteDatabase"/>.</para>
/// </remarks>
public sealed class SqliteCustomerStore : ICustomerStore, IProcessedEventLedger, IPersonalDataHolder
{
    private readonly SqliteDatabase _database;
    private readonly VersionedCache<Customer> _cache;
    private int _rowsRead;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteCustomerStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _cache = database.CustomerCache;
    }

    /// <inheritdoc />
    public async ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync(
            async connection =>
            {
                // In a write batch that has seen every commit since it last read or wrote this customer, the row is as it was.
                var trust = _database.BatchTrust(connection);
                if (trust != 0 && _cache.FindTrusted(id.Value, trust) is { } known)
                {
                    return known;
                }

                Interlocked.Increment(ref _rowsRead);
                using var command = connection.Command("SELECT version, document, id FROM customers WHERE id = $id;");
                command.With("$id", id.Value);
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? ReadCustomer(reader, 0, trust) : null;
            },
            cancellationToken);

    /// <summary>How many times <see cref="FindAsync"/> read a row from the file; for tests.</summary>
    internal int RowsRead => Volatile.Read(ref _rowsRead);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Customer>> ListAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var filter = CustomerQueryTranslator.Translate(specification);
        var candidates = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command($"SELECT version, document, id FROM {filter.Table} WHERE {filter.Sql} ORDER BY sort_key;");
                filter.Bind(command);
                var found = new List<Customer>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(ReadCustomer(reader, 0));
                }

                return found;
            },
            cancellationToken,
            snapshot: true);
        return InMemorySpecificationEvaluator.Evaluate(candidates, specification).ToArray();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Customer> StreamAsync(ISpecification<Customer> specification, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        if (specification.OrderExpressions.Count > 0)
        {
            // An order other than the identifier's needs every match before the first can be yielded.
            foreach (var customer in await ListAsync(specification, cancellationToken))
            {
                yield return customer;
            }

            yield break;
        }

        await foreach (var customer in StreamFilteredAsync(specification, CustomerQueryTranslator.Translate(specification), specification.Skip ?? 0, specification.Take ?? int.MaxValue, cancellationToken))
        {
            yield return customer;
        }
    }

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var filter = CustomerQueryTranslator.Translate(specification);
        if (filter.Exact)
        {
            return await _database.ReadAsync(
                async connection =>
                {
                    using var command = connection.Command($"SELECT COUNT(*) FROM {filter.Table} WHERE {filter.Sql};");
                    filter.Bind(command);
                    return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                },
                cancellationToken);
        }

        long count = 0;
        await foreach (var _ in StreamFilteredAsync(specification, filter, 0, int.MaxValue, cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <inheritdoc />
    public async ValueTask<Order?> FindOrderAsync(OrderId id, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT version, document FROM orders WHERE id = $id;");
                command.With("$id", id.Value);
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? ReadOrder(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Order>> ListOrdersAsync(ISpecification<Order> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var orders = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command(OrdersQuery(specification));
                var found = new List<Order>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(ReadOrder(reader));
                }

                return found;
            },
            cancellationToken);
        return InMemorySpecificationEvaluator.Evaluate(orders, specification).ToArray();
    }

    /// <summary>
    /// The statement that reads every order a specification can accept, in <c>sort_key</c> order: the placed and shipped
    /// ones through the status index of migration 0007 for <see cref="UndeliveredPromisedOrdersSpecification"/>, every
    /// order for any other (internal for the query-plan tests). Its expression is the index's own, or SQLite would not use it.
    /// </summary>
    internal static string OrdersQuery(ISpecification<Order> specification) => specification is UndeliveredPromisedOrdersSpecification
        ? "SELECT version, document FROM orders WHERE json_extract(document, '$.status') IN ('placed', 'shipped') ORDER BY sort_key;"
        : "SELECT version, document FROM orders ORDER BY sort_key;";

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

        // Documents are built before the transaction, so the write lock is held only for the statements.
        var customers = changes.Customers.Select(w => CustomerRow.From(w, w.ExpectedVersion > 0 ? _cache.Find(w.Item.Id.Value, w.ExpectedVersion) : null)).ToArray();
        var orders = changes.Orders.Select(OrderRow.From).ToArray();
        var events = changes.Events.Select(e => (e, At: SqliteValues.Stored(e.ProcessedAt, "processed_at"))).ToArray();
        long trust = 0;
        var result = await _database.WriteAsync(
            async write =>
            {
                trust = _database.BatchTrust(write.Connection);
                var conflict = await WriteEventsAsync(write, events) ?? await WriteCustomersAsync(write, customers) ?? await WriteOrdersAsync(write, orders);
                if (conflict is not null)
                {
                    write.Rollback();
                }

                return conflict ?? CommitResult.Committed;
            },
            cancellationToken);
        if (result.Outcome == CommitOutcome.Committed)
        {
            foreach (var write in changes.Customers)
            {
                var version = write.ExpectedVersion + 1;
                _cache.Put(write.Item.Id.Value, version, write.Item with { Version = version }, trust);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async ValueTask<bool> ContainsAsync(EventId eventId, CancellationToken cancellationToken = default) =>
        await FindEntryAsync(eventId, cancellationToken) is not null;

    /// <inheritdoc />
    public async ValueTask<ProcessedEvent?> FindEntryAsync(EventId eventId, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT kind, customer_id, processed_at FROM processed_events WHERE event_id = $id;");
                command.With("$id", eventId.Value);
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? new ProcessedEvent(eventId, reader.GetString(0), CustomerId.From(reader.GetString(1)), reader.GetInstant(2))
                    : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask<int> PruneAsync(Instant processedBefore, CancellationToken cancellationToken = default) =>
        await _database.WriteAsync(
            async write =>
            {
                using var delete = write.Command("DELETE FROM processed_events WHERE processed_at < $before;").With("$before", SqliteValues.Bound(processedBefore));
                return await delete.ExecuteNonQueryAsync(write.CancellationToken);
            },
            cancellationToken);

    /// <summary>Matches in identifier order, read in pages so no read transaction stays open while the caller works.</summary>
    private async IAsyncEnumerable<Customer> StreamFilteredAsync(ISpecification<Customer> specification, CustomerFilter filter, int skip, int take, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A filter answered from an index is read in one statement: paged, SQLite would find and sort every match again
        // for each page (a birthday run over a million customers took seconds that way).
        var batch = filter.Indexed ? int.MaxValue : _database.Options.BatchSize;
        byte[]? after = null;
        while (take > 0)
        {
            var page = await ReadPageAsync(filter, after, batch, cancellationToken);
            foreach (var (sortKey, customer) in page)
            {
                after = sortKey;
                if (!specification.IsSatisfiedBy(customer))
                {
                    continue;
                }

                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return customer;
                if (--take == 0)
                {
                    yield break;
                }
            }

            if (page.Count < batch)
            {
                yield break;
            }
        }
    }

    private async ValueTask<List<(byte[] SortKey, Customer Customer)>> ReadPageAsync(CustomerFilter filter, byte[]? after, int batch, CancellationToken cancellationToken) =>
        await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command($"SELECT sort_key, version, document, id FROM {filter.Table} WHERE ({filter.Sql}) AND sort_key > $after ORDER BY sort_key LIMIT $batch;");
                filter.Bind(command);
                command.With("$after", after ?? []).With("$batch", batch);
                var page = new List<(byte[], Customer)>(Math.Min(batch, 4096));
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add((reader.GetFieldValue<byte[]>(0), ReadCustomer(reader, 1)));
                }

                return page;
            },
            cancellationToken);

    private static async ValueTask<CommitResult?> WriteEventsAsync(SqliteWrite write, (ProcessedEvent Entry, long At)[] events)
    {
        if (events.Length == 0)
        {
            return null;
        }

        using var insert = write.Command("INSERT INTO processed_events (event_id, kind, customer_id, processed_at) VALUES ($id, $kind, $customer, $at) ON CONFLICT (event_id) DO NOTHING;");
        var id = insert.Parameter("$id", SqliteType.Text);
        var kind = insert.Parameter("$kind", SqliteType.Text);
        var customer = insert.Parameter("$customer", SqliteType.Text);
        var at = insert.Parameter("$at", SqliteType.Integer);
        foreach (var (entry, processedAt) in events)
        {
            id.Value = entry.EventId.Value;
            kind.Value = entry.Kind;
            customer.Value = entry.CustomerId.Value;
            at.Value = processedAt;
            if (await insert.ExecuteNonQueryAsync(write.CancellationToken) == 0)
            {
                return new CommitResult(CommitOutcome.EventAlreadyProcessed, entry.EventId.Value);
            }
        }

        return null;
    }

    private static async ValueTask<CommitResult?> WriteCustomersAsync(SqliteWrite write, CustomerRow[] rows)
    {
        if (rows.Length == 0)
        {
            return null;
        }

        using var insert = write.Command(
            $"INSERT INTO customers (id, sort_key, version, {CustomerRow.ColumnList}, columns_version, document) VALUES ($id, $sortKey, 1, {CustomerRow.ParameterList}, {CustomerColumns.Version}, $document) ON CONFLICT (id) DO NOTHING;");
        using var update = write.Command(
            $"UPDATE customers SET version = $expected + 1, {CustomerRow.Assignments}, columns_version = {CustomerColumns.Version}, document = $document WHERE id = $id AND version = $expected;");
        CustomerRow.AddParameters(insert);
        CustomerRow.AddParameters(update);
        insert.Parameter("$sortKey", SqliteType.Blob);
        update.Parameter("$expected", SqliteType.Integer);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (row.Changed is { } changed)
            {
                using var partial = write.Command(CustomerRow.PartialUpdate(changed));
                row.BindPartial(partial, changed);
                if (await partial.ExecuteNonQueryAsync(write.CancellationToken) == 1)
                {
                    write.Database.BatchRowWritten?.Invoke(i);
                    continue;
                }

                // Not written: a version conflict, or a row whose columns an older store computed. The full update
                // below writes the second and reports the first.
            }

            var command = row.ExpectedVersion == 0 ? insert : update;
            row.Bind(command);
            if (await command.ExecuteNonQueryAsync(write.CancellationToken) != 1)
            {
                return new CommitResult(CommitOutcome.VersionConflict, row.Id);
            }

            write.Database.BatchRowWritten?.Invoke(i);
        }

        return null;
    }

    private static async ValueTask<CommitResult?> WriteOrdersAsync(SqliteWrite write, OrderRow[] rows)
    {
        if (rows.Length == 0)
        {
            return null;
        }

        using var insert = write.Command("INSERT INTO orders (id, sort_key, customer_id, version, document) VALUES ($id, $sortKey, $customer, 1, $document) ON CONFLICT (id) DO NOTHING;");
        using var update = write.Command("UPDATE orders SET version = $expected + 1, customer_id = $customer, document = $document WHERE id = $id AND version = $expected;");
        foreach (var command in new[] { insert, update })
        {
            command.Parameter("$id", SqliteType.Text);
            command.Parameter("$customer", SqliteType.Text);
            command.Parameter("$document", SqliteType.Text);
        }

        insert.Parameter("$sortKey", SqliteType.Blob);
        update.Parameter("$expected", SqliteType.Integer);
        foreach (var row in rows)
        {
            var command = row.ExpectedVersion == 0 ? insert : update;
            command.Parameters["$id"].Value = row.Id;
            command.Parameters["$customer"].Value = row.CustomerId;
            command.Parameters["$document"].Value = row.Document;
            if (row.ExpectedVersion == 0)
            {
                command.Parameters["$sortKey"].Value = SqliteValues.SortKey(row.Id);
            }
            else
            {
                command.Parameters["$expected"].Value = row.ExpectedVersion;
            }

            if (await command.ExecuteNonQueryAsync(write.CancellationToken) != 1)
            {
                return new CommitResult(CommitOutcome.VersionConflict, row.Id);
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a customer from the columns version, document, id starting at <paramref name="first"/>, and caches it under
    /// <paramref name="trust"/> (see <see cref="SqliteDatabase.BatchTrust"/>).
    /// </summary>
    private Customer ReadCustomer(SqliteDataReader reader, int first, long trust = 0)
    {
        var version = reader.GetInt64(first);
        var id = reader.GetString(first + 2);
        // The reader fetches a column only when asked, so a cache hit never copies the document out of SQLite.
        if (_cache.Find(id, version, trust) is { } cached)
        {
            return cached;
        }

        var customer = StorageJson.Deserialize<Customer>(reader.GetString(first + 1)) with { Version = version };
        _cache.Put(id, version, customer, trust);
        return customer;
    }

    private static Order ReadOrder(SqliteDataReader reader) =>
        StorageJson.Deserialize<Order>(reader.GetString(1)) with { Version = reader.GetInt64(0) };

    private sealed record OrderRow(string Id, string CustomerId, long ExpectedVersion, string Document)
    {
        public static OrderRow From(VersionedWrite<Order> write) =>
            new(write.Item.Id.Value, write.Item.CustomerId.Value, write.ExpectedVersion, StorageJson.Serialize(write.Item with { Version = write.ExpectedVersion + 1 }));
    }

    /// <inheritdoc />
    /// <remarks>Sections <c>profile</c>, <c>orders</c> and <c>processed_events</c>, read in one snapshot.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync<IReadOnlyList<PersonalDataSection>>(
            async connection =>
            {
                using var profile = connection.Command("SELECT version, document, id FROM customers WHERE id = $id;");
                profile.With("$id", customerId.Value);
                Customer? customer;
                using (var reader = await profile.ExecuteReaderAsync(cancellationToken))
                {
                    customer = await reader.ReadAsync(cancellationToken) ? ReadCustomer(reader, 0) : null;
                }

                if (customer is null)
                {
                    return [];
                }

                using var orders = connection.Command("SELECT version, document FROM orders WHERE customer_id = $id ORDER BY sort_key;");
                orders.With("$id", customerId.Value);
                var orderList = new List<Order>();
                using (var reader = await orders.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        orderList.Add(ReadOrder(reader));
                    }
                }

                using var events = connection.Command("SELECT event_id, kind, processed_at FROM processed_events WHERE customer_id = $id ORDER BY processed_at, event_id;");
                events.With("$id", customerId.Value);
                var eventList = new List<ProcessedEvent>();
                using (var reader = await events.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        eventList.Add(new ProcessedEvent(EventId.From(reader.GetString(0)), reader.GetString(1), customerId, reader.GetInstant(2)));
                    }
                }

                return [PersonalDataSection.From("profile", customer), PersonalDataSection.From("orders", orderList), PersonalDataSection.From("processed_events", eventList)];
            },
            cancellationToken,
            snapshot: true);

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
            var customer = await FindAsync(customerId, cancellationToken);
            if (customer is null || CustomerAnonymizer.IsAnonymized(customer))
            {
                return ErasureChanges.None;
            }

            var result = await CommitAsync(new CustomerChangeSet { Customers = [new VersionedWrite<Customer>(CustomerAnonymizer.Anonymize(customer), customer.Version)] }, cancellationToken);
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
