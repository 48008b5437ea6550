using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>
/// The SQLite <see cref="IJobLeaseStore"/>: one row per job, read and written inside one <c>BEGIN IMMEDIATE</c>
/// transaction, so of several processes racing on the file one writes at a time.
/// </summary>
/// <remarks>Thread-safe, also across processes sharing the file; see <see cref="SqliteDatabase"/>.</remarks>
public sealed class SqliteJobLeaseStore : IJobLeaseStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteJobLeaseStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<JobLease?> AcquireAsync(string job, string holder, Duration duration, Instant now, CancellationToken cancellationToken = default)
    {
        JobLease.ThrowIfInvalid(job, holder, duration);
        var expiresAt = SqliteValues.Stored(now + duration, "expires_at");
        return await _database.WriteAsync(
            async write =>
            {
                var (current, token) = await ReadAsync(write, job);
                var live = current is not null && current.ExpiresAt > now;
                if (live && !string.Equals(current!.Holder, holder, StringComparison.Ordinal))
                {
                    return null;
                }

                var lease = new JobLease(job, holder, live ? token : token + 1, now + duration);
                using var upsert = write.Command(
                    "INSERT INTO job_leases (job, holder, token, expires_at) VALUES ($job, $holder, $token, $expires) "
                    + "ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, token = excluded.token, expires_at = excluded.expires_at;")
                    .With("$job", job).With("$holder", holder).With("$token", lease.Token).With("$expires", expiresAt);
                await upsert.ExecuteNonQueryAsync(write.CancellationToken);
                return lease;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<JobLease?> RenewAsync(JobLease lease, Duration duration, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        JobLease.ThrowIfNotPositive(duration);
        var expiresAt = SqliteValues.Stored(now + duration, "expires_at");
        return await _database.WriteAsync(
            async write =>
            {
                using var renew = write.Command(
                    "UPDATE job_leases SET expires_at = $expires WHERE job = $job AND holder = $holder AND token = $token AND expires_at > $now;")
                    .With("$expires", expiresAt).With("$job", lease.Job).With("$holder", lease.Holder).With("$token", lease.Token).With("$now", SqliteValues.Bound(now));
                return await renew.ExecuteNonQueryAsync(write.CancellationToken) == 1 ? lease with { ExpiresAt = now + duration } : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await _database.WriteAsync(
            async write =>
            {
                using var release = write.Command("UPDATE job_leases SET holder = NULL, expires_at = NULL WHERE job = $job AND holder = $holder AND token = $token;")
                    .With("$job", lease.Job).With("$holder", lease.Holder).With("$token", lease.Token);
                return await release.ExecuteNonQueryAsync(write.CancellationToken) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<JobLease?> FindAsync(string job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT holder, token, expires_at FROM job_leases WHERE job = $job AND holder IS NOT NULL;");
                command.With("$job", job);
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? new JobLease(job, reader.GetString(0), reader.GetInt64(1), reader.GetInstant(2)) : null;
            },
            cancellationToken);
    }

    private static async ValueTask<(JobLease? Lease, long Token)> ReadAsync(SqliteWrite write, string job)
    {
        using var select = write.Command("SELECT holder, token, expires_at FROM job_leases WHERE job = $job;").With("$job", job);
        using var reader = await select.ExecuteReaderAsync(write.CancellationToken);
        if (!await reader.ReadAsync(write.CancellationToken))
        {
            return (null, 0);
        }

        var token = reader.GetInt64(1);
        return reader.IsDBNull(0) ? (null, token) : (new JobLease(job, reader.GetString(0), token, reader.GetInstant(2)), token);
    }
}
