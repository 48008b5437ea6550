namespace CustomerCare.Privacy.Redaction;

/// <summary>Picks non-overlapping spans, longest first, then leftmost.</summary>
internal static class SpanSelection
{
    public static IReadOnlyList<PersonalDataSpan> LongestFirst(List<PersonalDataSpan> candidates, int textLength)
    {
        if (candidates.Count <= 1)
        {
            return candidates;
        }

        candidates.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start.CompareTo(b.Start));
        // A character map keeps the overlap test proportional to the span, not to the spans kept so far.
        var taken = new bool[textLength];
        var kept = new List<PersonalDataSpan>();
        foreach (var candidate in candidates)
        {
            if (taken.AsSpan(candidate.Start, candidate.Length).Contains(true))
            {
                continue;
            }

            taken.AsSpan(candidate.Start, candidate.Length).Fill(true);
            kept.Add(candidate);
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
