using System.Linq.Expressions;

namespace CustomerCare.Specifications;

/// <summary>
/// A specification built with a fluent <see cref="ISpecificationBuilder{T}"/>, either in a subclass constructor
/// through <see cref="Query"/> or inline: <c>new Specification&lt;Customer&gt;(q =&gt; q.Where(c =&gt; …).Take(10))</c>.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <remarks>Compiled criteria are cached, so <see cref="IsSatisfiedBy"/> compiles once per instance.</remarks>
public class Specification<T> : ISpecification<T>
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<OrderExpression<T>> _order = [];
    private Func<T, bool>[]? _compiled;

    /// <summary>Creates an empty specification that matches everything; subclasses add to <see cref="Query"/>.</summary>
    public Specification()
    {
        Query = new Builder(this);
    }

    /// <summary>Creates a specification built by a delegate.</summary>
    /// <param name="build">Adds criteria, ordering and paging.</param>
    public Specification(Action<ISpecificationBuilder<T>> build)
        : this()
    {
        ArgumentNullException.ThrowIfNull(build);
        build(Query);
    }

    /// <inheritdoc />
    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;

    /// <inheritdoc />
    public IReadOnlyList<OrderExpression<T>> OrderExpressions => _order;

    /// <inheritdoc />
    public int? Skip { get; private set; }

    /// <inheritdoc />
    public int? Take { get; private set; }

    /// <summary>The builder subclasses use in their constructor.</summary>
    protected ISpecificationBuilder<T> Query { get; }

    /// <inheritdoc />
    public bool IsSatisfiedBy(T entity)
    {
        var compiled = _compiled ??= _criteria.Select(c => c.Compile()).ToArray();
        foreach (var predicate in compiled)
        {
            if (!predicate(entity))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Builder(Specification<T> owner) : ISpecificationBuilder<T>
    {
        public ISpecificationBuilder<T> Where(Expression<Func<T, bool>> criterion)
        {
            ArgumentNullException.ThrowIfNull(criterion);
            owner._criteria.Add(criterion);
            owner._compiled = null;
            return this;
        }

        public ISpecificationBuilder<T> OrderBy(Expression<Func<T, object?>> key) => AddOrder(key, descending: false);

        public ISpecificationBuilder<T> OrderByDescending(Expression<Func<T, object?>> key) => AddOrder(key, descending: true);

        public ISpecificationBuilder<T> Skip(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            owner.Skip = count;
            return this;
        }

        public ISpecificationBuilder<T> Take(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            owner.Take = count;
            return this;
        }

        private Builder AddOrder(Expression<Func<T, object?>> key, bool descending)
        {
            ArgumentNullException.ThrowIfNull(key);
            owner._order.Add(new OrderExpression<T>(key, descending));
            return this;
        }
    }
}
