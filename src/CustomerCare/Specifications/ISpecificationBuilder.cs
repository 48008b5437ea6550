using System.Linq.Expressions;

namespace CustomerCare.Specifications;

/// <summary>Adds criteria, ordering and paging to a <see cref="Specification{T}"/>.</summary>
/// <typeparam name="T">The entity type.</typeparam>
public interface ISpecificationBuilder<T>
{
    /// <summary>Adds a criterion; all criteria must hold.</summary>
    /// <param name="criterion">The predicate.</param>
    /// <returns>This builder.</returns>
    ISpecificationBuilder<T> Where(Expression<Func<T, bool>> criterion);

    /// <summary>Adds an ascending sort key after those already added.</summary>
    /// <param name="key">The key; strings compare ordinally.</param>
    /// <returns>This builder.</returns>
    ISpecificationBuilder<T> OrderBy(Expression<Func<T, object?>> key);

    /// <summary>Adds a descending sort key after those already added.</summary>
    /// <param name="key">The key; strings compare ordinally.</param>
    /// <returns>This builder.</returns>
    ISpecificationBuilder<T> OrderByDescending(Expression<Func<T, object?>> key);

    /// <summary>Skips the first matching items.</summary>
    /// <param name="count">How many, not negative.</param>
    /// <returns>This builder.</returns>
    ISpecificationBuilder<T> Skip(int count);

    /// <summary>Returns at most this many items.</summary>
    /// <param name="count">How many, not negative.</param>
    /// <returns>This builder.</returns>
    ISpecificationBuilder<T> Take(int count);
}
