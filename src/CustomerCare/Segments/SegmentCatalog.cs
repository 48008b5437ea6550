using System.Collections.Frozen;
using CustomerCare.Segments.Rules;
using Microsoft.Extensions.Options;

namespace CustomerCare.Segments;

/// <summary>The segments in force: the built-in ones (unless turned off) and those from <see cref="SegmentOptions.Definitions"/>.</summary>
/// <remarks>Built once from validated options; immutable and thread-safe.</remarks>
public sealed class SegmentCatalog
{
    private readonly FrozenDictionary<string, Segment> _byName;

    /// <summary>Creates the catalog from the library options.</summary>
    /// <param name="options">The options; their segments were validated on start.</param>
    /// <exception cref="SegmentRuleException">A segment's rule is invalid (when options were not validated on start).</exception>
    public SegmentCatalog(IOptions<CustomerCareOptions> options)
        : this(Build(options?.Value.Segments ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    private SegmentCatalog(IReadOnlyList<Segment> segments)
    {
        Segments = segments;
        _byName = segments.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>The segments, built-in first, in definition order.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>Finds a segment by name.</summary>
    /// <param name="name">The key.</param>
    /// <param name="segment">The segment, when found.</param>
    /// <returns>Whether it exists.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Segment? segment) => _byName.TryGetValue(name, out segment);

    /// <summary>Checks segment definitions, naming the segment and the rule error of each bad one.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem; empty when all are valid.</returns>
    public static IReadOnlyList<string> Validate(SegmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (definition, index) in options.Definitions.Select((d, i) => (d, i)))
        {
            var field = $"CustomerCare:Segments:Definitions:{index}";
            if (string.IsNullOrEmpty(definition.Name) || !definition.Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-') || definition.Name.Length > 64)
            {
                problems.Add($"field '{field}:Name': value '{definition.Name}' must be 1–64 lower-case letters, digits, '_' or '-'");
            }
            else if (!seen.Add(definition.Name))
            {
                problems.Add($"field '{field}:Name': value '{definition.Name}' names a segment defined twice");
            }

            try
            {
                SegmentRule.Parse(definition.Rule);
            }
            catch (SegmentRuleException error)
            {
                problems.Add($"field '{field}:Rule': segment '{definition.Name}': {error.Message}");
            }
        }

        return problems;
    }

    private static Segment[] Build(SegmentOptions options)
    {
        var definitions = (options.IncludeBuiltInSegments ? BuiltInSegments.All : [])
            .Where(b => options.Definitions.All(d => d.Name != b.Name))
            .Concat(options.Definitions);
        return [.. definitions.Select(d => new Segment(d.Name, SegmentRule.Parse(d.Rule), d.Description))];
    }
}
