using CustomerCare.Segments.Rules;

namespace CustomerCare.Segments;

/// <summary>A named segment with its checked, compiled rule.</summary>
/// <param name="Name">The key.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Description">What the segment means.</param>
public sealed record Segment(string Name, SegmentRule Rule, string? Description);
