using System.Linq.Expressions;

namespace CustomerCare.Specifications;

/// <summary>
/// A query over <typeparamref name="T"/> as data: filter criteria, ordering and paging, in the style of
/// Ardalis.Specification. Stores translate it into their own query language or evaluate it in memory.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <remarks>
/// <para>
/// <see cref="InMemorySpecificationEvaluator"/> is the reference semantics: every store must return what it returns
/// for the same data. In particular, all criteria must hold (they are and-ed); string keys order ordinally (binary
/// collation, never the thread culture); ties, and a specification without ordering, fall back to ascending ordinal
/// entity identifier; <see cref="Skip"/> applies before <see cref="Take"/>.
/// </para>
/// <para>Implementations are immutable once built and safe to share across threads.</para>
/// </remarks>
public interface ISpecification<T>
{
    /// <summary>Predicates that must all hold.</summary>
    IReadOnlyList<Expression<Func<T, bool>>> Criteria { get; }

    /// <summary>Sort keys, most significant first.</summary>
    IReadOnlyList<OrderExpression<T>> OrderExpressions { get; }

    /// <summary>How many matching items to skip, or <see langword="null"/>.</summary>
    int? Skip { get; }

    /// <summary>How many items to return at most, or <see langword="null"/> for all.</summary>
    int? Take { get; }

    /// <summary>Evaluates the criteria on one item, ignoring ordering and paging.</summary>
    /// <param name="entity">The item.</param>
    /// <returns>Whether every criterion holds.</returns>
    bool IsSatisfiedBy(T entity);
}
