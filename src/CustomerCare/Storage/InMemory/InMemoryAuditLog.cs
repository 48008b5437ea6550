using CustomerCare.Privacy.Audit;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="IAuditLog"/>: the chain in process memory, lost with the process.</summary>
/// <remarks>Thread-safe: one lock makes each append one step.</remarks>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly Lock _lock = new();
    private readonly List<AuditEntry> _entries = [];

    /// <inheritdoc />
    public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var previous = _entries.Count == 0 ? AuditChain.GenesisHash : _entries[^1].Hash;
            var entry = AuditChain.Seal(record, _entries.Count + 1, previous);
            _entries.Add(entry);
            return ValueTask.FromResult(entry);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long fromSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var start = (int)Math.Clamp(fromSequence - 1, 0, _entries.Count);
            IReadOnlyList<AuditEntry> page = _entries.GetRange(start, Math.Min(limit, _entries.Count - start));
            return ValueTask.FromResult(page);
        }
    }
}
