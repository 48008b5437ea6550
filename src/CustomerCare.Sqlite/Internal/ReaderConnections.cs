using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// The idle <see cref="KeptConnection"/>s that reads take turns on: a read takes one (or opens a new one when none is
/// idle) and gives it back afterwards; beyond <see cref="MaxIdle"/> idle ones, a returned connection is closed.
/// </summary>
/// <remarks>Thread-safe. A connection whose read failed is closed by its caller instead of being returned.</remarks>
internal sealed class ReaderConnections : IDisposable
{
    /// <summary>How many idle read connections are kept: enough for the reads that overlap in one process.</summary>
    public const int MaxIdle = 8;

    private readonly Func<CancellationToken, ValueTask<SqliteConnection>> _open;
    private readonly ConcurrentBag<KeptConnection> _idle = [];
    private volatile bool _disposed;

    /// <summary>Creates the pool; connections are opened as reads need them.</summary>
    /// <param name="open">Opens a configured connection.</param>
    public ReaderConnections(Func<CancellationToken, ValueTask<SqliteConnection>> open) => _open = open;

    /// <summary>An idle kept connection, or a new one.</summary>
    public KeptConnection Take() => _idle.TryTake(out var kept) ? kept : new KeptConnection(_open);

    /// <summary>Gives a connection back after a read that succeeded.</summary>
    public void Return(KeptConnection kept)
    {
        kept.Transaction = null;
        if (_disposed || _idle.Count >= MaxIdle)
        {
            kept.Dispose();
            return;
        }

        _idle.Add(kept);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    /// <summary>Closes every idle connection; connections in use are closed when they come back.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var kept))
        {
            kept.Dispose();
        }
    }
}
