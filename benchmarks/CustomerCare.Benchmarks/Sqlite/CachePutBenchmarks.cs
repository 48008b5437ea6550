using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using CustomerCare.Sqlite.Internal;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// One put into a cache holding <see cref="Held"/> keys, as the SQLite store's customer cache does on every commit.
/// <see cref="CountedPut"/> is the cache's map, which counts its keys itself; <see cref="ConcurrentDictionaryPut"/> is
/// the baseline the caches used before, a <see cref="ConcurrentDictionary{TKey, TValue}"/> whose <c>Count</c> checks
/// the bound on every put.
/// </summary>
[MemoryDiagnoser]
public class CachePutBenchmarks
{
    private const int Keys = 4_096;
    private readonly CountedMap<long> _counted = new();
    private readonly ConcurrentDictionary<string, long> _dictionary = new(StringComparer.Ordinal);
    private string[] _keys = [];
    private int _next;

    /// <summary>How many keys the cache holds.</summary>
    [Params(1_000, 100_000)]
    public int Held { get; set; }

    /// <summary>Fills both maps with the same keys.</summary>
    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Held; i++)
        {
            var key = "c-" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            _counted.Set(key, i);
            _dictionary[key] = i;
        }

        _keys = [.. Enumerable.Range(0, Keys).Select(i => "c-" + (i * 7_919 % Held).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>The cache's put: replace the value, then compare the count with the bound.</summary>
    [Benchmark]
    public bool CountedPut()
    {
        var key = _keys[_next++ & (Keys - 1)];
        _counted.Set(key, _next);
        return _counted.Count >= int.MaxValue;
    }

    /// <summary>The baseline put: the indexer, then <c>Count</c>.</summary>
    [Benchmark(Baseline = true)]
    public bool ConcurrentDictionaryPut()
    {
        var key = _keys[_next++ & (Keys - 1)];
        _dictionary[key] = _next;
        return _dictionary.Count >= int.MaxValue;
    }
}
