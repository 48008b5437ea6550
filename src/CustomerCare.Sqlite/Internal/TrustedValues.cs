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
    private CountedMap<(T Value, long Trust)> _values = new();

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

        var values = _values;
        if (values.Count >= capacity)
        {
            // A fresh map rather than Clear, which takes every lock of the old one.
            Interlocked.CompareExchange(ref _values, new(), values);
        }

        _values.Set(key, (value, trust));
    }

    /// <summary>Drops what is known of <paramref name="key"/>, before its rows change.</summary>
    public void Forget(string key) => _values.Remove(key);
}
