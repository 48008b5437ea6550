using System.Collections.Concurrent;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// Small values a write batch worked out from rows, by key, each under the batch trust it was worked out under (see
/// <see cref="SqliteDatabase.BatchTrust"/>); the store that owns the rows forgets a key whenever it writes them.
/// </summary>
/// <remarks>Starts empty again when <c>capacity</c> keys are held. Thread-safe.</remarks>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class TrustedValues<T>(int capacity)
    where T : struct
{
    private readonly ConcurrentDictionary<string, (T Value, long Trust)> _values = new(StringComparer.Ordinal);

    /// <summary>The value of <paramref name="key"/> when it was put under <paramref name="trust"/>, which must not be zero.</summary>
    public bool TryFind(string key, long trust, out T value)
    {
        if (trust != 0 && _values.TryGetValue(key, out var entry) && entry.Trust == trust)
        {
            value = entry.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Remembers <paramref name="value"/> under <paramref name="trust"/>; nothing is kept without one.</summary>
    public void Put(string key, T value, long trust)
    {
        if (trust == 0 || capacity == 0)
        {
            return;
        }

        if (_values.Count >= capacity)
        {
            _values.Clear();
        }

        _values[key] = (value, trust);
    }

    /// <summary>Drops what is known of <paramref name="key"/>, before its rows change.</summary>
    public void Forget(string key) => _values.TryRemove(key, out _);
}
