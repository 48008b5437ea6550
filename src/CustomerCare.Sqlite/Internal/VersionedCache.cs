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
/// <para>
/// An entry may also carry a trust stamp (see <see cref="SqliteDatabase.BatchTrust"/>): put by a write batch that has
/// seen every commit to the file since, it answers <see cref="FindTrusted"/> without the row being read at all. Zero
/// is no trust; an entry put without one loses any trust it had.
/// </para>
/// </remarks>
/// <typeparam name="T">The immutable record type.</typeparam>
internal sealed class VersionedCache<T>
    where T : class
{
    private readonly int _generationSize;
    private CountedMap<(long Version, T Value, long Trust)> _young = new();
    private CountedMap<(long Version, T Value, long Trust)> _old = new();

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries; 0 keeps nothing.</summary>
    /// <param name="capacity">The bound.</param>
    public VersionedCache(int capacity) => _generationSize = capacity / 2;

    /// <summary>
    /// The cached value of <paramref name="id"/> at exactly <paramref name="version"/>, if there is one; a hit read
    /// under <paramref name="trust"/> (not zero) is stamped with it.
    /// </summary>
    public T? Find(string id, long version, long trust = 0)
    {
        if (_young.TryGetValue(id, out var hit) && hit.Version == version)
        {
            if (trust != 0 && hit.Trust != trust)
            {
                Put(id, version, hit.Value, trust);
            }

            return hit.Value;
        }

        if (_old.TryGetValue(id, out hit) && hit.Version == version)
        {
            Put(id, version, hit.Value, trust == 0 ? hit.Trust : trust);
            return hit.Value;
        }

        return null;
    }

    /// <summary>The cached value of <paramref name="id"/> when it was put under <paramref name="trust"/>, which must not be zero.</summary>
    public T? FindTrusted(string id, long trust)
    {
        if (_young.TryGetValue(id, out var hit) && hit.Trust == trust)
        {
            return hit.Value;
        }

        if (_old.TryGetValue(id, out hit) && hit.Trust == trust)
        {
            Put(id, hit.Version, hit.Value, trust);
            return hit.Value;
        }

        return null;
    }

    /// <summary>Remembers <paramref name="value"/> as <paramref name="id"/> at <paramref name="version"/>, under <paramref name="trust"/> (zero for none).</summary>
    public void Put(string id, long version, T value, long trust = 0)
    {
        if (_generationSize == 0)
        {
            return;
        }

        var young = _young;
        young.Set(id, (version, value, trust));
        if (young.Count >= _generationSize && ReferenceEquals(Interlocked.CompareExchange(ref _young, new(), young), young))
        {
            _old = young;
        }
    }
}
