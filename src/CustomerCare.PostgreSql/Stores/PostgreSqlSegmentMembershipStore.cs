using CustomerCare.Customers;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Segments.Membership;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="ISegmentMembershipStore"/> on PostgreSQL: membership intervals and the change log of each segment.</summary>
/// <remarks>
/// Thread-safe, and safe across processes: a recording locks its segment's row (<c>FOR UPDATE</c>) for its transaction,
/// so recordings of one segment are serialized and every change is reported once; other segments do not wait.
/// </remarks>
public sealed class PostgreSqlSegmentMembershipStore : ISegmentMembershipStore, IPersonalDataHolder
{
    private readonly PostgreSqlDatabase _database;
    private readonly string _ensureSegment;
    private readonly string _lockSegment;
    private readonly string _current;
    private readonly string _close;
    private readonly string _open;
    private readonly string _log;
    private readonly string _stamp;
    private readonly string _membersAt;
    private readonly string _changes;
    private readonly string _last;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlSegmentMembershipStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _ensureSegment = database.Sql("INSERT INTO {s}.segment_evaluations (segment, last_evaluated) VALUES ($1, NULL) ON CONFLICT (segment) DO NOTHING");
        _lockSegment = database.Sql("SELECT last_evaluated FROM {s}.segment_evaluations WHERE segment = $1 FOR UPDATE");
        _current = database.Sql("SELECT customer_id FROM {s}.segment_intervals WHERE segment = $1 AND left_at IS NULL");
        _close = database.Sql("UPDATE {s}.segment_intervals SET left_at = $2 WHERE segment = $1 AND left_at IS NULL AND customer_id = ANY($3)");
        _open = database.Sql("INSERT INTO {s}.segment_intervals (segment, customer_id, entered_at) SELECT $1, c, $2 FROM unnest($3::text[]) AS c");
        _log = database.Sql("INSERT INTO {s}.segment_changes (segment, customer_id, kind, at) SELECT $1, c.id, c.kind, $2 FROM unnest($3::text[], $4::smallint[]) WITH ORDINALITY AS c(id, kind, n) ORDER BY c.n");
        _stamp = database.Sql("UPDATE {s}.segment_evaluations SET last_evaluated = $2 WHERE segment = $1");
        _membersAt = database.Sql("SELECT DISTINCT customer_id FROM {s}.segment_intervals WHERE segment = $1 AND entered_at <= $2 AND (left_at IS NULL OR $2 < left_at)");
        _changes = database.Sql("SELECT customer_id, kind, at FROM {s}.segment_changes WHERE segment = $1 AND at > $2 ORDER BY at, id");
        _last = database.Sql("SELECT last_evaluated FROM {s}.segment_evaluations WHERE segment = $1");
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SegmentMembershipChange>> RecordAsync(string segment, Instant evaluatedAt, IReadOnlyCollection<CustomerId> members, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        ArgumentNullException.ThrowIfNull(members);
        var now = members.Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return await _database.WriteAsync(async (tx, ct) =>
        {
            await tx.ExecuteAsync(_ensureSegment, ct, segment).ConfigureAwait(false);
            var last = await tx.FirstAsync(_lockSegment, r => r.GetInstantOrNull(0), ct, segment).ConfigureAwait(false);
            if (last is { } previous && evaluatedAt < previous)
            {
                throw new ArgumentException($"Segment '{segment}' was last evaluated at {previous}; an evaluation at {evaluatedAt} would go back in time.", nameof(evaluatedAt));
            }

            var current = (await tx.ListAsync(_current, r => r.GetString(0), ct, segment).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var left = current.Where(id => !now.Contains(id)).ToArray();
            var entered = now.Where(id => !current.Contains(id)).ToArray();
            var changes = left.Select(id => new SegmentMembershipChange(segment, CustomerId.From(id), SegmentChangeKind.Left, evaluatedAt))
                .Concat(entered.Select(id => new SegmentMembershipChange(segment, CustomerId.From(id), SegmentChangeKind.Entered, evaluatedAt)))
                .ToList();
            changes.Sort((a, b) => a.CustomerId.CompareTo(b.CustomerId));
            if (left.Length > 0)
            {
                await tx.ExecuteAsync(_close, ct, segment, PgValues.At(evaluatedAt), PgTransaction.TextArray(left)).ConfigureAwait(false);
            }

            if (entered.Length > 0)
            {
                await tx.ExecuteAsync(_open, ct, segment, PgValues.At(evaluatedAt), PgTransaction.TextArray(entered)).ConfigureAwait(false);
            }

            if (changes.Count > 0)
            {
                await tx.ExecuteAsync(
                    _log,
                    ct,
                    segment,
                    PgValues.At(evaluatedAt),
                    PgTransaction.TextArray(changes.Select(c => c.CustomerId.Value)),
                    changes.Select(c => (short)c.Kind).ToArray()).ConfigureAwait(false);
            }

            await tx.ExecuteAsync(_stamp, ct, segment, PgValues.At(evaluatedAt)).ConfigureAwait(false);
            return (IReadOnlyList<SegmentMembershipChange>)changes;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CustomerId>> MembersAtAsync(string segment, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        var members = await _database.ReadAsync((tx, ct) => tx.ListAsync(_membersAt, r => CustomerId.From(r.GetString(0)), ct, segment, PgValues.At(at)), cancellationToken).ConfigureAwait(false);
        members.Sort();
        return members;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SegmentMembershipChange>> ChangesAsync(string segment, Instant after, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        return await _database.ReadAsync(
            (tx, ct) => tx.ListAsync(_changes, r => new SegmentMembershipChange(segment, CustomerId.From(r.GetString(0)), (SegmentChangeKind)r.GetInt16(1), r.GetInstant(2)), ct, segment, PgValues.At(after)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Instant?> LastEvaluatedAsync(string segment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        return await _database.ReadAsync((tx, ct) => tx.FirstAsync(_last, r => r.GetInstantOrNull(0), ct, segment), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Section <c>segment_membership</c>: the customer's entries and exits, in time order, then segment order.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var ofCustomer = _database.Sql("SELECT segment, kind, at FROM {s}.segment_changes WHERE customer_id = $1 ORDER BY at, segment COLLATE \"C\", id");
        var changes = await _database.ReadAsync(
            (tx, ct) => tx.ListAsync(ofCustomer, r => new SegmentMembershipChange(r.GetString(0), customerId, (SegmentChangeKind)r.GetInt16(1), r.GetInstant(2)), ct, customerId.Value),
            cancellationToken).ConfigureAwait(false);
        return changes.Count == 0 ? [] : [PersonalDataSection.From("segment_membership", changes)];
    }

    /// <inheritdoc />
    /// <remarks>Changes nothing: membership history holds only the pseudonymous customer id, segment names and instants, which campaign audits need.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ErasureChanges.None);
    }
}
