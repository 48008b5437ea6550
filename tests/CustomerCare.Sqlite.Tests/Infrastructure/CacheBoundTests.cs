using CustomerCare.Sqlite.Internal;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

/// <summary>The caches' bounds count keys, not puts: a replaced key takes no room, a forgotten one gives its room back.</summary>
public sealed class CacheBoundTests
{
    [Fact]
    public void CountedMap_CountsKeys_NotPuts()
    {
        var map = new CountedMap<int>();
        map.Set("a", 1);
        map.Set("a", 2);
        map.Set("ı", 3);
        map.Set("i", 4);
        map.Remove("a");
        map.Remove("a");

        Assert.Equal(2, map.Count);
        Assert.True(map.TryGetValue("ı", out var dotless));
        Assert.Equal(3, dotless);
        Assert.False(map.TryGetValue("a", out _));
    }

    [Fact]
    public void VersionedCache_ReplacingAKey_DoesNotFillTheYoungGeneration()
    {
        // Generations of two: the young one is retired when it holds two keys.
        var cache = new VersionedCache<string>(capacity: 4);
        for (var version = 1; version <= 4; version++)
        {
            cache.Put("a", version, "a" + version);
        }

        cache.Put("b", 1, "b1");
        cache.Put("c", 1, "c1");

        // a and b were retired together and c is young: a is still one generation old, not dropped.
        Assert.Equal("a4", cache.Find("a", 4));
        Assert.Equal("c1", cache.Find("c", 1));
    }

    [Fact]
    public void VersionedCache_HoldsAtMostItsCapacity()
    {
        var cache = new VersionedCache<string>(capacity: 4);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            cache.Put(id, 1, id);
        }

        Assert.Null(cache.Find("a", 1));
        Assert.Equal("d", cache.Find("d", 1));
    }

    [Fact]
    public void TrustedValues_AForgottenKey_GivesItsRoomBack()
    {
        var values = new TrustedValues<int>(capacity: 2);
        values.Put("a", 1, trust: 7);
        values.Put("b", 2, trust: 7);
        values.Forget("a");
        values.Put("c", 3, trust: 7);

        Assert.True(values.TryFind("b", 7, out var b));
        Assert.Equal(2, b);
        Assert.True(values.TryFind("c", 7, out _));

        // Full now: the next new key starts the map again.
        values.Put("d", 4, trust: 7);
        Assert.False(values.TryFind("b", 7, out _));
        Assert.True(values.TryFind("d", 7, out _));
    }
}
