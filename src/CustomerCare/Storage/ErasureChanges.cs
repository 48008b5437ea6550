using System.Collections.Immutable;

namespace CustomerCare.Storage;

/// <summary>What one store's erasure changed: how many records of each kind (<c>profile</c>, <c>complaints</c>, …).</summary>
/// <remarks>Immutable and thread-safe. Kinds with no change are left out, so an idempotent rerun is <see cref="None"/>.</remarks>
public sealed record ErasureChanges
{
    private ErasureChanges(ImmutableSortedDictionary<string, int> counts) => Counts = counts;

    /// <summary>Nothing changed.</summary>
    public static ErasureChanges None { get; } = new(ImmutableSortedDictionary.Create<string, int>(StringComparer.Ordinal));

    /// <summary>The changed records per kind, ordered by kind; no zero counts.</summary>
    public ImmutableSortedDictionary<string, int> Counts { get; }

    /// <summary>The changed records in all.</summary>
    public int Total => Counts.Values.Sum();

    /// <summary>Adds changed records of a kind.</summary>
    /// <param name="kind">The record kind, such as <c>complaints</c>.</param>
    /// <param name="count">How many changed; zero leaves the changes as they are.</param>
    /// <returns>The new changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public ErasureChanges With(string kind, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count == 0 ? this : new ErasureChanges(Counts.SetItem(kind, Counts.GetValueOrDefault(kind) + count));
    }

    /// <summary>Whether two values hold the same counts.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ErasureChanges? other) => other is not null && Counts.SequenceEqual(other.Counts);

    /// <inheritdoc />
    public override int GetHashCode() => Counts.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value));

    /// <inheritdoc />
    public override string ToString() => Counts.Count == 0 ? "nothing" : string.Join(", ", Counts.Select(p => $"{p.Key}: {p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
}
