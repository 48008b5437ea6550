using CustomerCare.Complaints;
using CustomerCare.Complaints.Queries;
using CustomerCare.Customers;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Specifications;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite;

/// <summary>The SQLite <see cref="IComplaintStore"/>: complaints as JSON documents, unique on (channel, source reference), updated under a version predicate.</summary>
/// <remarks>
/// Specifications are evaluated in memory, in ordinal identifier order, over every complaint, except the three that
/// intake asks on every new complaint (<see cref="OpenComplaintsAssignedToSpecification"/>,
/// <see cref="RecentComplaintsByAuthorSpecification"/>, <see cref="RecentComplaintsAboutProductSpecification"/>), which
/// read only the complaints an index finds for them. Thread-safe; see <see cref="SqliteDatabase"/>.
/// </remarks>
public sealed class SqliteComplaintStore : IComplaintStore, IPersonalDataHolder
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteComplaintStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<ComplaintAddResult> AddAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var stored = complaint with { Version = 1 };
        var document = StorageJson.Serialize(stored);
        return await _database.WriteAsync(
            async write =>
            {
                // The unique key on (channel, source_ref) decides; the row that holds it is returned when this insert loses.
                using var insert = write.Command(
                    "INSERT INTO complaints (id, sort_key, channel, source_ref, version, document) VALUES ($id, $sortKey, $channel, $source, 1, $document) "
                    + "ON CONFLICT (channel, source_ref) DO NOTHING;")
                    .With("$id", stored.Id.Value)
                    .With("$sortKey", SqliteValues.SortKey(stored.Id.Value))
                    .With("$channel", SqliteValues.Name(stored.Channel))
                    .With("$source", stored.SourceReference)
                    .With("$document", document);
                try
                {
                    if (await insert.ExecuteNonQueryAsync(write.CancellationToken) == 1)
                    {
                        return new ComplaintAddResult(stored, Added: true);
                    }
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 19)
                {
                    throw new ArgumentException($"Complaint id {complaint.Id} is already taken by another complaint.", nameof(complaint), e);
                }

                using var find = write.Command("SELECT version, document FROM complaints WHERE channel = $channel AND source_ref = $source;")
                    .With("$channel", SqliteValues.Name(stored.Channel))
                    .With("$source", stored.SourceReference);
                return new ComplaintAddResult((await ReadAllAsync(find, write.CancellationToken))[0], Added: false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<Complaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        var found = await ListWhereAsync("id = $id", c => c.With("$id", id.Value), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async ValueTask<Complaint?> FindBySourceAsync(ComplaintChannel channel, string sourceReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceReference);
        var found = await ListWhereAsync("channel = $channel AND source_ref = $source", c => c.With("$channel", SqliteValues.Name(channel)).With("$source", sourceReference), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async ValueTask<Complaint?> UpdateAsync(Complaint complaint, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var updated = complaint with { Version = expectedVersion + 1 };
        var document = StorageJson.Serialize(updated);
        return await _database.WriteAsync(
            async write =>
            {
                using var update = write.Command(
                    "UPDATE complaints SET version = $expected + 1, document = $document WHERE id = $id AND version = $expected AND channel = $channel AND source_ref = $source;")
                    .With("$expected", expectedVersion)
                    .With("$document", document)
                    .With("$id", complaint.Id.Value)
                    .With("$channel", SqliteValues.Name(complaint.Channel))
                    .With("$source", complaint.SourceReference);
                if (await update.ExecuteNonQueryAsync(write.CancellationToken) == 1)
                {
                    return updated;
                }

                // Nothing matched: a stale version or an unknown id is a null result; a changed source key is a programmer error.
                using var find = write.Command("SELECT version, channel, source_ref FROM complaints WHERE id = $id;").With("$id", complaint.Id.Value);
                using var reader = await find.ExecuteReaderAsync(write.CancellationToken);
                if (await reader.ReadAsync(write.CancellationToken) && reader.GetInt64(0) == expectedVersion)
                {
                    throw new ArgumentException($"Complaint {complaint.Id}: the channel and source reference cannot change.", nameof(complaint));
                }

                return null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Complaint>> ListAsync(ISpecification<Complaint> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var (where, bind) = Narrowing(specification);
        return InMemorySpecificationEvaluator.Evaluate(await ListWhereAsync(where, bind, cancellationToken), specification).ToArray();
    }

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(ISpecification<Complaint> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var (where, bind) = Narrowing(specification);
        if (specification is OpenComplaintsAssignedToSpecification)
        {
            // Its condition is exactly the specification (ordinal text equality, statuses as stored), so the index alone
            // answers: assignment asks this for every member on every new complaint, and the open ones only pile up.
            return await _database.ReadAsync(
                async connection =>
                {
                    using var command = connection.Command(CountSql(where));
                    bind(command);
                    return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                },
                cancellationToken);
        }

        return InMemorySpecificationEvaluator.Count(await ListWhereAsync(where, bind, cancellationToken), specification);
    }

    /// <summary>
    /// A SQL condition that every complaint the specification accepts meets, answered by an index for the specifications
    /// the library asks for on every new complaint; "1" (every complaint) for any other. The specification itself is
    /// checked on what it reads, so the condition only has to be wide enough. The expressions are the indexes' own
    /// (migration 0006), or SQLite would not use them.
    /// </summary>
    internal static (string Where, Action<SqliteCommand> Bind) Narrowing(ISpecification<Complaint> specification) => specification switch
    {
        OpenComplaintsAssignedToSpecification open => (
            "json_extract(document, '$.assigned_to') = $member AND json_extract(document, '$.status') NOT IN ('resolved', 'closed')",
            c => c.With("$member", open.Member)),
        RecentComplaintsByAuthorSpecification byAuthor => (
            "channel = $channel AND json_extract(document, '$.author_handle') = $author",
            c => c.With("$channel", SqliteValues.Name(byAuthor.Channel)).With("$author", byAuthor.Author)),
        RecentComplaintsAboutProductSpecification aboutProduct => (
            "json_extract(document, '$.product_id') = $product",
            c => c.With("$product", aboutProduct.ProductId)),
        _ => ("1", _ => { }),
    };

    /// <summary>The statement that counts the complaints meeting a condition (internal for the query-plan tests).</summary>
    internal static string CountSql(string where) => $"SELECT COUNT(*) FROM complaints WHERE {where};";

    private ValueTask<IReadOnlyList<Complaint>> ListWhereAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command($"SELECT version, document FROM complaints WHERE {where} ORDER BY sort_key;");
                bind(command);
                return await ReadAllAsync(command, cancellationToken);
            },
            cancellationToken);

    private static async ValueTask<IReadOnlyList<Complaint>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var complaints = new List<Complaint>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            complaints.Add(StorageJson.Deserialize<Complaint>(reader.GetString(1)) with { Version = reader.GetInt64(0) });
        }

        return complaints;
    }

    /// <inheritdoc />
    /// <remarks>Section <c>complaints</c>: those matched to the customer.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var complaints = await ListWhereAsync("json_extract(document, '$.match.customer_id') = $customer", c => c.With("$customer", customerId.Value), cancellationToken);
        return complaints.Count == 0 ? [] : [PersonalDataSection.From("complaints", complaints)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Redacts, in one transaction and under the next version, every complaint matched to the customer or written from
    /// their e-mail or phone (found by reading every complaint, since an unmatched author is known only by its handle).
    /// </remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await _database.WriteAsync(
            async write =>
            {
                using var all = write.Command("SELECT version, document FROM complaints;");
                var changed = 0;
                using var update = write.Command("UPDATE complaints SET version = $version, document = $document WHERE id = $id AND version = $expected;");
                foreach (var complaint in await ReadAllAsync(all, write.CancellationToken))
                {
                    if (!PersonalDataRedaction.Concerns(complaint, context) || !PersonalDataRedaction.TryRedact(complaint, context, out var redacted))
                    {
                        continue;
                    }

                    var stored = redacted with { Version = complaint.Version + 1 };
                    update.Parameters.Clear();
                    update.With("$version", stored.Version).With("$document", StorageJson.Serialize(stored)).With("$id", complaint.Id.Value).With("$expected", complaint.Version);
                    changed += await update.ExecuteNonQueryAsync(write.CancellationToken);
                }

                return ErasureChanges.None.With("complaints", changed);
            },
            cancellationToken);
    }
}
