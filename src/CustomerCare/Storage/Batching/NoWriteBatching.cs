namespace CustomerCare.Storage.Batching;

/// <summary>The <see cref="IWriteBatcher"/> of stores that commit every write on its own: a batch changes nothing.</summary>
/// <remarks>Thread-safe and stateless.</remarks>
public sealed class NoWriteBatching : IWriteBatcher
{
    private static readonly IAsyncDisposable Nothing = new Empty();

    /// <inheritdoc />
    public ValueTask<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Nothing);
    }

    private sealed class Empty : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
