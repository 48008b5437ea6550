using System.Linq.Expressions;

namespace CustomerCare.Specifications;

/// <summary>One sort key of a specification.</summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <param name="KeySelector">The key; strings compare ordinally.</param>
/// <param name="Descending">Whether larger keys come first.</param>
public sealed record OrderExpression<T>(Expression<Func<T, object?>> KeySelector, bool Descending);
