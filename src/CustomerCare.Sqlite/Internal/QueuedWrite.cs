namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// One store write waiting for the writer connection, for <see cref="SqliteDatabase"/>'s group commit: whoever holds the
/// write gate runs every queued write in one transaction and completes each after the commit.
/// </summary>
internal abstract class QueuedWrite
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Abandoned = 2;
    private int _state;

    protected QueuedWrite(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>The caller's token; the write's statements observe it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether the write has its outcome: a result after a commit, or an error.</summary>
    public abstract bool IsCompleted { get; }

    /// <summary>Claims the write for a group; <see langword="false"/> when another group has it or its caller gave up.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>Withdraws a write nobody has taken yet; <see langword="false"/> when a group has it, which will complete it.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Queued) == Queued;

    /// <summary>Runs the write's work in the group's transaction and keeps its result until the commit.</summary>
    /// <returns>Whether the work asked for its writes to be undone.</returns>
    public abstract ValueTask<bool> RunAsync(SqliteWrite write);

    /// <summary>Hands the kept result to the caller: the transaction that holds the write has committed.</summary>
    public abstract void Commit();

    /// <summary>Hands an error to the caller; nothing of the write remains.</summary>
    public abstract void Fail(Exception error);
}

/// <summary>A queued write whose work returns a <typeparamref name="T"/>.</summary>
internal sealed class QueuedWrite<T>(Func<SqliteWrite, ValueTask<T>> work, CancellationToken cancellationToken) : QueuedWrite(cancellationToken)
{
    // Continuations run elsewhere: the group's runner completes its writes while the gate waits for it.
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    /// <summary>Completes with the result after the commit, or with the error.</summary>
    public Task<T> Outcome => _outcome.Task;

    /// <inheritdoc />
    public override bool IsCompleted => _outcome.Task.IsCompleted;

    /// <inheritdoc />
    public override async ValueTask<bool> RunAsync(SqliteWrite write)
    {
        _result = await work(write);
        return write.RollbackRequested;
    }

    /// <inheritdoc />
    public override void Commit() => _outcome.TrySetResult(_result!);

    /// <inheritdoc />
    public override void Fail(Exception error) => _outcome.TrySetException(error);
}
