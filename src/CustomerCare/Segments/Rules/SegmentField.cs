using CustomerCare.Segments.Evaluation;

namespace CustomerCare.Segments.Rules;

/// <summary>A field (attribute) a segment rule can test: its name, type, meaning and, for choices, the allowed names.</summary>
public sealed class SegmentField
{
    internal SegmentField(string name, SegmentValueType type, string description, Func<CustomerTable, Column> build, IReadOnlyList<string>? choices = null, bool nullable = false)
    {
        Name = name;
        Type = type;
        Description = description;
        Build = build;
        Choices = choices ?? [];
        IsNullable = nullable;
    }

    /// <summary>The name used in rules, lower-case with underscores.</summary>
    public string Name { get; }

    /// <summary>The value type, which decides the operators allowed.</summary>
    public SegmentValueType Type { get; }

    /// <summary>What the attribute means, for people writing rules.</summary>
    public string Description { get; }

    /// <summary>For <see cref="SegmentValueType.Choice"/>: the allowed names; otherwise empty.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>Whether a customer may have no value (so <c>is null</c> can hold).</summary>
    public bool IsNullable { get; }

    /// <summary>Whether the value comes from something other than the customer record (service history, RFM over the population).</summary>
    public bool NeedsPopulation { get; init; }

    internal Func<CustomerTable, Column> Build { get; }

    /// <summary>The column class the field is stored in.</summary>
    internal Type ColumnType { get; init; } = typeof(TextColumn);

    /// <inheritdoc />
    public override string ToString() => Name;
}
