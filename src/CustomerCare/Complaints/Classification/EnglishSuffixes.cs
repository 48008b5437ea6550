using System.Collections.Frozen;

namespace CustomerCare.Complaints.Classification;

/// <summary>
/// English inflections a lexicon stem may be followed by: <c>arriv*</c> matches <c>arrive</c>, <c>arrived</c>,
/// <c>arriving</c>, <c>arrival</c>. Doubled consonants are already collapsed by normalisation
/// (<c>shipped → shiped = ship|ed</c>).
/// </summary>
internal static class EnglishSuffixes
{
    private static readonly FrozenSet<string> Endings = FrozenSet.Create(StringComparer.Ordinal,
    [
        "s", "es", "ed", "d", "ing", "ings", "e", "er", "ers", "est", "ly", "ely", "ily", "y", "ies", "ied", "ion", "ions",
        "al", "ment", "ments", "ness", "able", "ably", "n", "en", "ful", "fuly",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Endings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="rest"/> is empty or one of the inflections.</summary>
    public static bool IsInflection(ReadOnlySpan<char> rest) => rest.IsEmpty || Lookup.Contains(rest);
}
