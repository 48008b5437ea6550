using System.Collections.Immutable;
using CustomerCare.Text;

namespace CustomerCare.Customers;

/// <summary>
/// How a customer engages: e-mail opens and clicks, the topics they subscribed to, reviews written and the
/// categories they buy most.
/// </summary>
/// <remarks>Immutable. Topic and category names compare with <see cref="TurkishInvariantComparer"/>.</remarks>
public sealed record EngagementCounters
{
    private readonly ImmutableHashSet<string> _subscriptions = ImmutableHashSet.Create<string>(TurkishInvariantComparer.Instance);
    private readonly ImmutableDictionary<string, int> _categoryPurchases = ImmutableDictionary.Create<string, int>(TurkishInvariantComparer.Instance);

    /// <summary>No engagement yet.</summary>
    public static EngagementCounters None { get; } = new();

    /// <summary>E-mails opened.</summary>
    public long EmailOpens { get; init; }

    /// <summary>Links clicked in e-mails.</summary>
    public long EmailClicks { get; init; }

    /// <summary>Reviews the customer posted.</summary>
    public int ReviewCount { get; init; }

    /// <summary>Topics the customer subscribed to (newsletter, price alerts…); compared with <see cref="TurkishInvariantComparer"/> whatever set is given.</summary>
    public ImmutableHashSet<string> Subscriptions
    {
        get => _subscriptions;
        init => _subscriptions = (value ?? throw new ArgumentNullException(nameof(value))).WithComparer(TurkishInvariantComparer.Instance);
    }

    /// <summary>Items bought per product category, from order lines; keys compared with <see cref="TurkishInvariantComparer"/>.</summary>
    public ImmutableDictionary<string, int> CategoryPurchases
    {
        get => _categoryPurchases;
        init => _categoryPurchases = (value ?? throw new ArgumentNullException(nameof(value))).WithComparers(TurkishInvariantComparer.Instance);
    }

    /// <summary>The most bought categories, most first; ties in ordinal order of the name.</summary>
    /// <param name="count">How many to return.</param>
    /// <returns>The category names.</returns>
    public IReadOnlyList<string> TopCategories(int count = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return CategoryPurchases
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(p => p.Key)
            .ToArray();
    }

    /// <summary>Adds bought quantities per category.</summary>
    /// <param name="purchases">Category and quantity pairs.</param>
    /// <returns>The next state.</returns>
    public EngagementCounters WithCategoryPurchases(IEnumerable<(string Category, int Quantity)> purchases)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var builder = CategoryPurchases.ToBuilder();
        foreach (var (category, quantity) in purchases)
        {
            // Keep the spelling first seen, so "Kitap" stays "Kitap" when a later line says "KİTAP".
            var key = builder.TryGetKey(category, out var existing) ? existing : category;
            builder[key] = builder.GetValueOrDefault(key) + quantity;
        }

        return this with { CategoryPurchases = builder.ToImmutable() };
    }

    /// <summary>Whether two sets of counters hold the same values.</summary>
    /// <param name="other">The other counters.</param>
    /// <returns><see langword="true"/> when every counter, subscription and category count is equal.</returns>
    public bool HasSameValues(EngagementCounters? other) =>
        other is not null
        && EmailOpens == other.EmailOpens
        && EmailClicks == other.EmailClicks
        && ReviewCount == other.ReviewCount
        && Subscriptions.SetEquals(other.Subscriptions)
        && CategoryPurchases.Count == other.CategoryPurchases.Count
        && CategoryPurchases.All(p => other.CategoryPurchases.TryGetValue(p.Key, out var v) && v == p.Value);
}
