namespace CustomerCare.Storage.Batching;

/// <summary>
/// Groups the writes of one flow of work into fewer, larger transactions, where a store can: a nightly batch of
/// thousands of events then pays for a commit every few hundred writes instead of one per write.
/// </summary>
/// <remarks>
/// <para>
/// A batch belongs to the asynchronous flow that began it (and the tasks that flow starts). Every write made in it is
/// still all or nothing on its own, and is seen by the flow's later reads at once; other flows and processes see it once
/// the batch commits, which it does every so many writes and when it is disposed. A process that dies mid-batch loses
/// the writes since the last commit, exactly as if they had not been made yet, so use batches where the work can be
/// run again (idempotent events, resumable jobs).
/// </para>
/// <para>
/// While a batch is open, the store's other writers in the process wait for it, and a database store's writers in other
/// processes wait for its commits, so keep a batch to one burst of work. Beginning a batch inside another one joins the
/// outer batch. This is a capability, not a storage contract: a plugin need not implement it. Stores that do not batch (the in-memory stores, PostgreSQL) register <see cref="NoWriteBatching"/>,
/// under which every write commits on its own. Thread-safe.
/// </para>
/// </remarks>
public interface IWriteBatcher
{
    /// <summary>Begins a batch for the calling flow.</summary>
    /// <param name="cancellationToken">Cancels waiting for the store's other writers.</param>
    /// <returns>The batch; dispose it to commit what is left and let other writers go on.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    ValueTask<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken = default);
}
