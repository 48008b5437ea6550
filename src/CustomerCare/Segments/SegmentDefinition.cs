namespace CustomerCare.Segments;

/// <summary>A named segment as data: a key, a rule in the segment rule language, and a description for people.</summary>
/// <remarks>Settable properties so that segments bind from configuration (<c>CustomerCare:Segments:Definitions</c>).</remarks>
public sealed class SegmentDefinition
{
    /// <summary>Creates an empty definition, for configuration binding.</summary>
    public SegmentDefinition()
    {
    }

    /// <summary>Creates a definition.</summary>
    /// <param name="name">The key: lower-case letters, digits, <c>_</c> and <c>-</c>, such as <c>vip</c>.</param>
    /// <param name="rule">The rule, such as <c>orders &gt;= 3 and last_order within 180 days</c>.</param>
    /// <param name="description">What the segment means.</param>
    public SegmentDefinition(string name, string rule, string? description = null)
    {
        Name = name;
        Rule = rule;
        Description = description;
    }

    /// <summary>The key: lower-case letters, digits, <c>_</c> and <c>-</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The rule text.</summary>
    public string Rule { get; set; } = string.Empty;

    /// <summary>What the segment means.</summary>
    public string? Description { get; set; }
}
