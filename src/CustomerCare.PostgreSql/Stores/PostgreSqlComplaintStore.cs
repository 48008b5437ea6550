using CustomerCare.Customers;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Queries;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="IComplaintStore"/> on PostgreSQL: complaints as JSON documents, unique on (channel, source reference).</summary>
/// <remarks>
/// Thread-safe, and safe across processes: adding relies on the unique key (<c>ON CONFLICT DO NOTHING</c>, never a
/// pre-check), and an update is guarded by <c>version = expected</c>. Lists and counts evaluate the specification over
/// the stored complaints, in ascending ordinal id order; for the three that intake asks on every new complaint
/// (<see cref="OpenComplaintsAssignedToSpecification"/>, <see cref="RecentComplaintsByAuthorSpecification"/>,
/// <see cref="RecentComplaintsAboutProductSpecification"/>), only over those an expression index finds.
/// </remarks>
public sealed class PostgreSqlComplaintStore : IComplaintStore, IPersonalDataHolder
{
    // One member's open complaints, $1 the member: exactly OpenComplaintsAssignedToSpecification.
    private const string OpenAssignedTo = "document->>'assigned_to' = $1 AND document->>'status' NOT IN ('resolved', 'closed')";

    private readonly PostgreSqlDatabase _database;
    private readonly string _insert;
    private readonly string _find;
    private readonly string _findBySource;
    private readonly string _update;
    private readonly string _all;
    private readonly string _openAssignedTo;
    private readonly string _countOpenAssignedTo;
    private readonly string _byAuthor;
    private readonly string _aboutProduct;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlComplaintStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _insert = database.Sql("INSERT INTO {s}.complaints (id, channel, source_reference, version, document) VALUES ($1, $2, $3, 1, $4) ON CONFLICT DO NOTHING");
        _find = database.Sql("SELECT version, document FROM {s}.complaints WHERE id = $1");
        _findBySource = database.Sql("SELECT version, document FROM {s}.complaints WHERE channel = $1 AND source_reference = $2");
        _update = database.Sql("UPDATE {s}.complaints SET version = $2 + 1, document = $5 WHERE id = $1 AND version = $2 AND channel = $3 AND source_reference = $4");
        _all = database.Sql("SELECT version, document FROM {s}.complaints ORDER BY id");
        // The expressions are the indexes' own (migration 0005), or the planner would not use them. No ORDER BY: the
        // candidates are sorted after reading, and asked for id order the planner may walk the primary key instead.
        _openAssignedTo = database.Sql("SELECT version, document FROM {s}.complaints WHERE " + OpenAssignedTo);
        _countOpenAssignedTo = database.Sql("SELECT COUNT(*) FROM {s}.complaints WHERE " + OpenAssignedTo);
        _byAuthor = database.Sql("SELECT version, document FROM {s}.complaints WHERE channel = $1 AND document->>'author_handle' = $2");
        _aboutProduct = database.Sql("SELECT version, document FROM {s}.complaints WHERE document->>'product_id' = $1");
    }

    /// <inheritdoc />
    public async ValueTask<ComplaintAddResult> AddAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var stored = complaint with { Version = 1 };
        var document = StorageJson.Serialize(stored);
        return await _database.WriteAsync(async (tx, ct) =>
        {
            if (await tx.ExecuteAsync(_insert, ct, stored.Id.Value, (short)stored.Channel, stored.SourceReference, PgTransaction.Jsonb(document)).ConfigureAwait(false) == 1)
            {
                return new ComplaintAddResult(stored, Added: true);
            }

            return await tx.FirstAsync(_findBySource, Read, ct, (short)complaint.Channel, complaint.SourceReference).ConfigureAwait(false) is { } existing
                ? new ComplaintAddResult(existing, Added: false)
                : throw new ArgumentException($"Complaint id {complaint.Id} is already taken by another complaint.", nameof(complaint));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Complaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.FirstAsync(_find, Read, ct, id.Value), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<Complaint?> FindBySourceAsync(ComplaintChannel channel, string sourceReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceReference);
        return await _database.ReadAsync((tx, ct) => tx.FirstAsync(_findBySource, Read, ct, (short)channel, sourceReference), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Complaint?> UpdateAsync(Complaint complaint, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var updated = complaint with { Version = expectedVersion + 1 };
        var document = StorageJson.Serialize(updated);
        return await _database.WriteAsync(async (tx, ct) =>
        {
            if (await tx.ExecuteAsync(_update, ct, complaint.Id.Value, expectedVersion, (short)complaint.Channel, complaint.SourceReference, PgTransaction.Jsonb(document)).ConfigureAwait(false) == 1)
            {
                return updated;
            }

            var stored = await tx.FirstAsync(_find, Read, ct, complaint.Id.Value).ConfigureAwait(false);
            if (stored is not null && stored.Version == expectedVersion)
            {
                throw new ArgumentException($"Complaint {complaint.Id}: the channel and source reference cannot change.", nameof(complaint));
            }

            return null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Complaint>> ListAsync(ISpecification<Complaint> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        return [.. InMemorySpecificationEvaluator.Evaluate(await CandidatesAsync(specification, cancellationToken).ConfigureAwait(false), specification)];
    }

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(ISpecification<Complaint> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification is OpenComplaintsAssignedToSpecification open)
        {
            // Its condition is exactly the specification (text equality, statuses as stored), so the index alone answers:
            // assignment asks this for every member on every new complaint, and the open ones only pile up.
            return await _database.ReadAsync((tx, ct) => tx.ScalarAsync<long>(_countOpenAssignedTo, ct, open.Member), cancellationToken).ConfigureAwait(false);
        }

        return InMemorySpecificationEvaluator.Count(await CandidatesAsync(specification, cancellationToken).ConfigureAwait(false), specification);
    }

    /// <summary>
    /// Every complaint the specification can accept, in ordinal id order: for the three that intake asks on every new
    /// complaint, the few an index finds; for any other, all of them. The specification itself is checked on them.
    /// </summary>
    private async Task<List<Complaint>> CandidatesAsync(ISpecification<Complaint> specification, CancellationToken cancellationToken)
    {
        var (sql, parameters) = CandidateQuery(specification);
        var found = await _database.ReadAsync((tx, ct) => tx.ListAsync(sql, Read, ct, parameters), cancellationToken).ConfigureAwait(false);
        found.Sort(static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        return found;
    }

    /// <summary>The statement that counts one member's open complaints, its parameter the member (internal for the query-plan tests).</summary>
    internal string OpenAssignedCountSql => _countOpenAssignedTo;

    /// <summary>The statement and parameters that read a specification's candidates (internal for the query-plan tests).</summary>
    internal (string Sql, object?[] Parameters) CandidateQuery(ISpecification<Complaint> specification) => specification switch
    {
        OpenComplaintsAssignedToSpecification open => (_openAssignedTo, [open.Member]),
        RecentComplaintsByAuthorSpecification byAuthor => (_byAuthor, [(short)byAuthor.Channel, byAuthor.Author]),
        RecentComplaintsAboutProductSpecification aboutProduct => (_aboutProduct, [aboutProduct.ProductId]),
        _ => (_all, []),
    };

    private static Complaint Read(Npgsql.NpgsqlDataReader r) => StorageJson.Deserialize<Complaint>(r.GetString(1)) with { Version = r.GetInt64(0) };

    /// <inheritdoc />
    /// <remarks>Section <c>complaints</c>: those matched to the customer.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var ofCustomer = _database.Sql("SELECT version, document FROM {s}.complaints WHERE document -> 'match' ->> 'customer_id' = $1 ORDER BY id");
        var complaints = await _database.ReadAsync((tx, ct) => tx.ListAsync(ofCustomer, Read, ct, customerId.Value), cancellationToken).ConfigureAwait(false);
        complaints.Sort(static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        return complaints.Count == 0 ? [] : [PersonalDataSection.From("complaints", complaints)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Redacts, in one transaction and under the next version, every complaint matched to the customer or written from
    /// their e-mail or phone (every complaint is read for that, locked, since an unmatched author is known only by its handle).
    /// </remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var all = _database.Sql("SELECT version, document FROM {s}.complaints ORDER BY id FOR UPDATE");
        var update = _database.Sql("UPDATE {s}.complaints SET version = $2 + 1, document = $3 WHERE id = $1 AND version = $2");
        return await _database.WriteAsync(
            async (tx, ct) =>
            {
                var changed = 0;
                foreach (var complaint in await tx.ListAsync(all, Read, ct).ConfigureAwait(false))
                {
                    if (PersonalDataRedaction.Concerns(complaint, context) && PersonalDataRedaction.TryRedact(complaint, context, out var redacted))
                    {
                        var document = StorageJson.Serialize(redacted with { Version = complaint.Version + 1 });
                        changed += await tx.ExecuteAsync(update, ct, complaint.Id.Value, complaint.Version, PgTransaction.Jsonb(document)).ConfigureAwait(false);
                    }
                }

                return ErasureChanges.None.With("complaints", changed);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
