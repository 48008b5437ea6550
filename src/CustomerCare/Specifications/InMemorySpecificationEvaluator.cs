using System.Collections;
using System.Runtime.CompilerServices;

namespace CustomerCare.Specifications;

/// <summary>
/// Evaluates a specification over objects in memory. This is the reference semantics every store must match.
/// </summary>
/// <remarks>
/// The source must already be in ascending ordinal identifier order: ordering is stable, so that order breaks ties
/// and is the order of an unordered specification. Thread-safe.
/// </remarks>
public static class InMemorySpecificationEvaluator
{
    private static readonly ConditionalWeakTable<object, object> CompiledKeys = [];

    /// <summary>Applies criteria, ordering and paging.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="source">The items, in ascending identifier order.</param>
    /// <param name="specification">The specification.</param>
    /// <returns>The matching items, ordered and paged.</returns>
    public static IEnumerable<T> Evaluate<T>(IEnumerable<T> source, ISpecification<T> specification)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        var query = source.Where(specification.IsSatisfiedBy);
        IOrderedEnumerable<T>? ordered = null;
        foreach (var order in specification.OrderExpressions)
        {
            var key = CompiledKey(order);
            ordered = ordered is null
                ? (order.Descending ? query.OrderByDescending(key, OrdinalKeyComparer.Instance) : query.OrderBy(key, OrdinalKeyComparer.Instance))
                : (order.Descending ? ordered.ThenByDescending(key, OrdinalKeyComparer.Instance) : ordered.ThenBy(key, OrdinalKeyComparer.Instance));
        }

        query = ordered ?? query;
        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        return query;
    }

    /// <summary>Counts the items that satisfy the criteria; ordering and paging are ignored.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="source">The items.</param>
    /// <param name="specification">The specification.</param>
    /// <returns>The count.</returns>
    public static long Count<T>(IEnumerable<T> source, ISpecification<T> specification)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        return source.LongCount(specification.IsSatisfiedBy);
    }

    private static Func<T, object?> CompiledKey<T>(OrderExpression<T> order) =>
        (Func<T, object?>)CompiledKeys.GetValue(order, static o => ((OrderExpression<T>)o).KeySelector.Compile());

    /// <summary>Orders nulls first, strings ordinally and everything else by its own comparison.</summary>
    private sealed class OrdinalKeyComparer : IComparer<object?>
    {
        public static readonly OrdinalKeyComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => Comparer.Default.Compare(x, y),
        };
    }
}
