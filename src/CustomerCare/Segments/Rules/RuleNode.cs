using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace CustomerCare.Segments.Rules;

/// <summary>A node of a parsed segment rule: a condition, or <c>and</c>/<c>or</c>/<c>not</c> over nodes.</summary>
/// <remarks>Nodes are immutable and compare by structure, so two parses of the same rule are equal.</remarks>
public abstract record RuleNode
{
    private protected RuleNode()
    {
    }

    /// <summary>The node as canonical rule text.</summary>
    /// <returns>Text that parses back to an equal node.</returns>
    public override string ToString() => RuleFormatter.Format(this);
}

/// <summary>All operands must hold.</summary>
/// <param name="Operands">Two or more nodes.</param>
public sealed record AndRule(RuleList<RuleNode> Operands) : RuleNode
{
    /// <inheritdoc />
    public override string ToString() => RuleFormatter.Format(this);
}

/// <summary>At least one operand must hold.</summary>
/// <param name="Operands">Two or more nodes.</param>
public sealed record OrRule(RuleList<RuleNode> Operands) : RuleNode
{
    /// <inheritdoc />
    public override string ToString() => RuleFormatter.Format(this);
}

/// <summary>The operand must not hold.</summary>
/// <param name="Operand">The node.</param>
public sealed record NotRule(RuleNode Operand) : RuleNode
{
    /// <inheritdoc />
    public override string ToString() => RuleFormatter.Format(this);
}

/// <summary>A test of one attribute: <c>orders &gt;= 3</c>, <c>city in ['İstanbul']</c>, <c>last_order within 90 days</c>.</summary>
/// <param name="Attribute">The attribute name, lower-case.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Operands">The constants: none for <c>is null</c>, two for <c>between</c>, one or more for <c>in</c>, else one.</param>
public sealed record RuleCondition(string Attribute, RuleOperator Operator, RuleList<RuleLiteral> Operands) : RuleNode
{
    /// <inheritdoc />
    public override string ToString() => RuleFormatter.Format(this);
}

/// <summary>An immutable list that compares by its items, so that rule nodes holding lists compare by structure.</summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(RuleList), nameof(RuleList.Create))]
public readonly struct RuleList<T> : IReadOnlyList<T>, IEquatable<RuleList<T>>
{
    private readonly ImmutableArray<T> _items;

    /// <summary>Creates a list.</summary>
    /// <param name="items">The items.</param>
    public RuleList(IEnumerable<T> items)
    {
        _items = [.. items ?? throw new ArgumentNullException(nameof(items))];
    }

    /// <inheritdoc />
    public int Count => _items.IsDefault ? 0 : _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public bool Equals(RuleList<T> other) => this.SequenceEqual(other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RuleList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in this)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items.IsDefault ? [] : _items)).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Compares two lists by their items.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns>Whether they hold equal items in the same order.</returns>
    public static bool operator ==(RuleList<T> left, RuleList<T> right) => left.Equals(right);

    /// <summary>Compares two lists by their items.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RuleList<T> left, RuleList<T> right) => !left.Equals(right);
}

/// <summary>Creates <see cref="RuleList{T}"/> values, including from collection expressions.</summary>
public static class RuleList
{
    /// <summary>Creates a list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static RuleList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}
