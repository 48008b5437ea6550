using NodaTime;

namespace CustomerCare.Storage;

/// <summary>
/// Leases on named jobs, so that of several hosts sharing one database only one runs a given job at a time.
/// </summary>
/// <remarks>
/// <para><b>Atomicity.</b> <see cref="AcquireAsync"/> is one conditional write (an upsert guarded by the current holder and
/// expiry, or a lock): of any number of holders racing for a free job exactly one gets the lease, the others
/// <see langword="null"/>. <see cref="RenewAsync"/> and <see cref="ReleaseAsync"/> write only while the caller's
/// <see cref="JobLease.Token"/> and holder are the stored ones, so a holder that lost its lease cannot extend or free the
/// lease of the one that took over.</para>
/// <para><b>Expiry.</b> A lease whose <see cref="JobLease.ExpiresAt"/> is at or before <c>now</c> is free: any holder may
/// acquire it. The store never reads a clock; every instant is the caller's.</para>
/// <para><b>Fencing.</b> The token of a job only grows: 1 for the first lease, one more at each change of hands (a
/// release or an expiry followed by an acquisition). Renewing, or acquiring again while still holding, keeps it.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database.</para>
/// </remarks>
public interface IJobLeaseStore
{
    /// <summary>Takes the lease on a job if it is free, expired, or already held by <paramref name="holder"/>.</summary>
    /// <param name="job">The job's name; ordinal, at most 200 characters.</param>
    /// <param name="holder">Who asks; ordinal, at most 200 characters.</param>
    /// <param name="duration">How long the lease holds from <paramref name="now"/>; positive.</param>
    /// <param name="now">The caller's instant.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is taken then.</param>
    /// <returns>
    /// The lease, expiring at <paramref name="now"/> + <paramref name="duration"/> (with the same token when the holder
    /// already held it), or <see langword="null"/> when another holder's lease is live (nothing written).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="job"/> or <paramref name="holder"/> is blank or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    ValueTask<JobLease?> AcquireAsync(string job, string holder, Duration duration, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Extends a live lease to <paramref name="now"/> + <paramref name="duration"/>.</summary>
    /// <param name="lease">The lease as the holder last got it.</param>
    /// <param name="duration">How long the lease holds from <paramref name="now"/>; positive.</param>
    /// <param name="now">The caller's instant.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is written then.</param>
    /// <returns>
    /// The extended lease (same token), or <see langword="null"/> when it expired or changed hands (nothing written):
    /// the holder must stop the work it guards.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="lease"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    ValueTask<JobLease?> RenewAsync(JobLease lease, Duration duration, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Frees a lease so another holder may take it at once.</summary>
    /// <param name="lease">The lease as the holder last got it.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is written then.</param>
    /// <returns><see langword="false"/> when the lease had already changed hands (nothing written).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lease"/> is <see langword="null"/>.</exception>
    ValueTask<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken = default);

    /// <summary>The lease a job is under, live or expired, as stored.</summary>
    /// <param name="job">The job's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The lease, or <see langword="null"/> when the job was never leased or was released.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    ValueTask<JobLease?> FindAsync(string job, CancellationToken cancellationToken = default);
}
