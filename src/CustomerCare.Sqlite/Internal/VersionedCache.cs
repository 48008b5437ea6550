using System.Collections.Concurrent;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// Keeps recently read or written documents, already deserialized, keyed by id and valid for one version.
/// </summary>
/// <remarks>
/// A row is served from the cache only when its version column equals the cached version, so a change by another
/// process or connection is never hidden: the stores read the version with every row anyway, and skip only the
/// document's parsing. The bound is kept with two generations: when the young one is full it becomes the old one and
/// the previous old one is dropped, so the most recently used entries survive without a list to maintain. Holds at
/// most <c>capacity</c> entries. Thread-safe; the cached values must be immutable.
/// </remarks>
/// <typeparam name="T">The immutable record type.</typeparam>
internal sealed class VersionedCache<T>
    where T : class
{
    private readonly int _generationSize;
    private ConcurrentDictionary<string, (long Version, T Value)> _young = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, (long Version, T Value)> _old = new(StringComparer.Ordinal);

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries; 0 keeps nothing.</summary>
    /// <param name="capacity">The bound.</param>
    public VersionedCache(int capacity) => _generationSize = capacity / 2;

    /// <summary>The cached value of <paramref name="id"/> at exactly <paramref name="version"/>, if there is one.</summary>
    public T? Find(string id, long version)
    {
        if (_young.TryGetValue(id, out var hit) && hit.Version == version)
        {
            return hit.Value;
        }

        if (_old.TryGetValue(id, out hit) && hit.Version == version)
        {
            Put(id, version, hit.Value);
            return hit.Value;
        }

        return null;
    }

    /// <summary>Remembers <paramref name="value"/> as <paramref name="id"/> at <paramref name="version"/>.</summary>
    public void Put(string id, long version, T value)
    {
        if (_generationSize == 0)
        {
            return;
        }

        var young = _young;
        young[id] = (version, value);
        if (young.Count >= _generationSize && ReferenceEquals(Interlocked.CompareExchange(ref _young, new(StringComparer.Ordinal), young), young))
        {
            _old = young;
        }
    }
}
