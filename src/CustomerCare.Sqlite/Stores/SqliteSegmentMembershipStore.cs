using CustomerCare.Customers;
using CustomerCare.Segments.Membership;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>
/// The SQLite <see cref="ISegmentMembershipStore"/>: membership intervals and the changes of each evaluation, written in
/// one transaction per evaluation with prepared, reused statements.
/// </summary>
/// <remarks>Thread-safe: recordings of a segment are serialized by the write transaction; see <see cref="SqliteDatabase"/>.</remarks>
public sealed class SqliteSegmentMembershipStore : ISegmentMembershipStore, IPersonalDataHolder
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteSegmentMembershipStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SegmentMembershipChange>> RecordAsync(string segment, Instant evaluatedAt, IReadOnlyCollection<CustomerId> members, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        ArgumentNullException.ThrowIfNull(members);
        var at = SqliteValues.Stored(evaluatedAt, "evaluated_at");
        var now = members.ToHashSet();
        return await _database.WriteAsync(
            async write =>
            {
                var ct = write.CancellationToken;
                using (var last = write.Command("SELECT last_evaluated_at FROM segment_evaluations WHERE segment = $segment;").With("$segment", segment))
                {
                    if (await last.ExecuteScalarAsync(ct) is long previous && at < previous)
                    {
                        throw new ArgumentException($"Segment '{segment}' was last evaluated at {SqliteValues.ToInstant(previous)}; an evaluation at {evaluatedAt} would go back in time.", nameof(evaluatedAt));
                    }
                }

                var current = new HashSet<CustomerId>();
                using (var read = write.Command("SELECT customer_id FROM segment_intervals WHERE segment = $segment AND left_at IS NULL;").With("$segment", segment))
                using (var reader = await read.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        current.Add(CustomerId.From(reader.GetString(0)));
                    }
                }

                var changes = current.Where(id => !now.Contains(id)).Select(id => new SegmentMembershipChange(segment, id, SegmentChangeKind.Left, evaluatedAt))
                    .Concat(now.Where(id => !current.Contains(id)).Select(id => new SegmentMembershipChange(segment, id, SegmentChangeKind.Entered, evaluatedAt)))
                    .Order(ByCustomer.Instance)
                    .ToArray();
                await WriteChangesAsync(write, segment, at, changes);
                using var evaluated = write.Command(
                    "INSERT INTO segment_evaluations (segment, last_evaluated_at) VALUES ($segment, $at) ON CONFLICT (segment) DO UPDATE SET last_evaluated_at = excluded.last_evaluated_at;")
                    .With("$segment", segment).With("$at", at);
                await evaluated.ExecuteNonQueryAsync(ct);
                return (IReadOnlyList<SegmentMembershipChange>)changes;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CustomerId>> MembersAtAsync(string segment, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        var members = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT DISTINCT customer_id FROM segment_intervals WHERE segment = $segment AND entered_at <= $at AND (left_at IS NULL OR $at < left_at);");
                command.With("$segment", segment).With("$at", SqliteValues.Bound(at));
                var ids = new List<CustomerId>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(CustomerId.From(reader.GetString(0)));
                }

                return ids;
            },
            cancellationToken);
        members.Sort();
        return members;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SegmentMembershipChange>> ChangesAsync(string segment, Instant after, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        return await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                // Rows of one evaluation were inserted in customer order, and evaluations in time order: the row id keeps both.
                command.CommandText = "SELECT customer_id, kind, at FROM segment_changes WHERE segment = $segment AND at > $after ORDER BY at, id;";
                command.With("$segment", segment).With("$after", SqliteValues.Bound(after));
                var changes = new List<SegmentMembershipChange>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    changes.Add(new SegmentMembershipChange(segment, CustomerId.From(reader.GetString(0)), reader.GetEnum<SegmentChangeKind>(1), reader.GetInstant(2)));
                }

                return (IReadOnlyList<SegmentMembershipChange>)changes;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<Instant?> LastEvaluatedAsync(string segment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        return await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT last_evaluated_at FROM segment_evaluations WHERE segment = $segment;");
                command.With("$segment", segment);
                return await command.ExecuteScalarAsync(cancellationToken) is long at ? SqliteValues.ToInstant(at) : (Instant?)null;
            },
            cancellationToken);
    }

    private static async ValueTask WriteChangesAsync(SqliteWrite write, string segment, long at, SegmentMembershipChange[] changes)
    {
        if (changes.Length == 0)
        {
            return;
        }

        using var close = write.Command("UPDATE segment_intervals SET left_at = $at WHERE segment = $segment AND customer_id = $customer AND left_at IS NULL;");
        using var open = write.Command("INSERT INTO segment_intervals (segment, customer_id, entered_at) VALUES ($segment, $customer, $at);");
        using var record = write.Command("INSERT INTO segment_changes (segment, customer_id, kind, at) VALUES ($segment, $customer, $kind, $at);");
        foreach (var command in new[] { close, open, record })
        {
            command.With("$segment", segment).With("$at", at);
            command.Parameter("$customer", SqliteType.Text);
        }

        var kind = record.Parameter("$kind", SqliteType.Text);
        var index = 0;
        foreach (var change in changes)
        {
            var interval = change.Kind == SegmentChangeKind.Left ? close : open;
            interval.Parameters["$customer"].Value = change.CustomerId.Value;
            await interval.ExecuteNonQueryAsync(write.CancellationToken);
            record.Parameters["$customer"].Value = change.CustomerId.Value;
            kind.Value = SqliteValues.Name(change.Kind);
            await record.ExecuteNonQueryAsync(write.CancellationToken);
            write.Database.BatchRowWritten?.Invoke(index++);
        }
    }

    private sealed class ByCustomer : IComparer<SegmentMembershipChange>
    {
        public static readonly ByCustomer Instance = new();

        public int Compare(SegmentMembershipChange? x, SegmentMembershipChange? y) => x!.CustomerId.CompareTo(y!.CustomerId);
    }

    /// <inheritdoc />
    /// <remarks>Section <c>segment_membership</c>: the customer's entries and exits, in time order, then segment order.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var changes = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT segment, kind, at FROM segment_changes WHERE customer_id = $customer ORDER BY at, segment;");
                command.With("$customer", customerId.Value);
                var changes = new List<SegmentMembershipChange>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    changes.Add(new SegmentMembershipChange(reader.GetString(0), customerId, reader.GetEnum<SegmentChangeKind>(1), reader.GetInstant(2)));
                }

                return changes;
            },
            cancellationToken);
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
