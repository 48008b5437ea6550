using CustomerCare.PostgreSql.Internal;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.PostgreSql;

/// <summary>
/// The <see cref="IJobLeaseStore"/> on PostgreSQL: one row per job, taken with one guarded
/// <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c> statement.
/// </summary>
/// <remarks>
/// Thread-safe, and safe across processes sharing the database: the upsert locks the job's row, so of several hosts racing
/// for a free job exactly one sees its condition true; renewals and releases are updates guarded by holder and token.
/// </remarks>
public sealed class PostgreSqlJobLeaseStore : IJobLeaseStore
{
    private readonly PostgreSqlDatabase _database;
    private readonly string _acquire;
    private readonly string _renew;
    private readonly string _release;
    private readonly string _find;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlJobLeaseStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        // Every SET expression reads the row as it was, so the token is compared with the old holder and expiry.
        _acquire = database.Sql("""
            INSERT INTO {s}.job_leases AS l (job, holder, token, expires_at) VALUES ($1, $2, 1, $3)
            ON CONFLICT (job) DO UPDATE SET
                token = CASE WHEN l.holder = excluded.holder AND l.expires_at > $4 THEN l.token ELSE l.token + 1 END,
                holder = excluded.holder,
                expires_at = excluded.expires_at
            WHERE l.holder IS NULL OR l.expires_at <= $4 OR l.holder = excluded.holder
            RETURNING token
            """);
        _renew = database.Sql("UPDATE {s}.job_leases SET expires_at = $4 WHERE job = $1 AND holder = $2 AND token = $3 AND expires_at > $5");
        _release = database.Sql("UPDATE {s}.job_leases SET holder = NULL, expires_at = NULL WHERE job = $1 AND holder = $2 AND token = $3");
        _find = database.Sql("SELECT holder, token, expires_at FROM {s}.job_leases WHERE job = $1 AND holder IS NOT NULL");
    }

    /// <inheritdoc />
    public async ValueTask<JobLease?> AcquireAsync(string job, string holder, Duration duration, Instant now, CancellationToken cancellationToken = default)
    {
        JobLease.ThrowIfInvalid(job, holder, duration);
        var token = await _database.WriteAsync(
            (tx, ct) => tx.ScalarAsync<long>(_acquire, ct, job, holder, PgValues.At(now + duration), PgValues.At(now)),
            cancellationToken).ConfigureAwait(false);
        return token == 0 ? null : new JobLease(job, holder, token, now + duration);
    }

    /// <inheritdoc />
    public async ValueTask<JobLease?> RenewAsync(JobLease lease, Duration duration, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        JobLease.ThrowIfNotPositive(duration);
        var renewed = await _database.WriteAsync(
            (tx, ct) => tx.ExecuteAsync(_renew, ct, lease.Job, lease.Holder, lease.Token, PgValues.At(now + duration), PgValues.At(now)),
            cancellationToken).ConfigureAwait(false);
        return renewed == 1 ? lease with { ExpiresAt = now + duration } : null;
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await _database.WriteAsync(
            (tx, ct) => tx.ExecuteAsync(_release, ct, lease.Job, lease.Holder, lease.Token),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async ValueTask<JobLease?> FindAsync(string job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return await _database.ReadAsync(
            (tx, ct) => tx.FirstAsync(_find, r => new JobLease(job, r.GetString(0), r.GetInt64(1), r.GetInstant(2)), ct, job),
            cancellationToken).ConfigureAwait(false);
    }
}
