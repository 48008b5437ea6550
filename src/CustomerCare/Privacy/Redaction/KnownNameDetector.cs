using System.Globalization;

namespace CustomerCare.Privacy.Redaction;

/// <summary>Finds names the caller knows, such as the customer's own, as whole words, ignoring case by Turkish and invariant rules.</summary>
/// <remarks>
/// <para>Each name is matched whole (<c>Ayşe Yılmaz</c>) and by each of its words of two letters or more (<c>Ayşe</c>,
/// <c>Yılmaz</c>), so a text that uses only the given name is caught too. A match must not be inside a longer word;
/// a Turkish suffix after an apostrophe (<c>Ayşe'nin</c>) is outside it.</para>
/// <para>Case is folded with the tr-TR culture (<c>I</c>↔<c>ı</c>, <c>İ</c>↔<c>i</c>: <c>IŞIK</c> matches <c>Işık</c>)
/// and also with the invariant culture (<c>IAN</c> matches <c>ian</c>), never with the current culture: a redactor
/// masks more rather than less.</para>
/// <para>Thread-safe: the names are fixed at construction.</para>
/// </remarks>
public sealed class KnownNameDetector : IPersonalDataDetector
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private readonly (string Turkish, string Invariant)[] _words;

    /// <summary>Creates a detector for names.</summary>
    /// <param name="names">The names; blank ones are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is <see langword="null"/>.</exception>
    public KnownNameDetector(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var trimmed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            words.Add(trimmed);
            foreach (var word in trimmed.Split(' '))
            {
                if (word.Length >= 2)
                {
                    words.Add(word);
                }
            }
        }

        _words = [.. words.Select(w => (w.ToLower(Turkish), w.ToLowerInvariant()))];
        Names = [.. words];
    }

    /// <summary>The names and name words looked for.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <inheritdoc />
    public PersonalDataKind Kind => PersonalDataKind.Name;

    /// <inheritdoc />
    public IReadOnlyList<PersonalDataSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_words.Length == 0 || text.Length == 0)
        {
            return [];
        }

        // Simple case mapping keeps every character's index, so positions in the folded text are positions in the text.
        var turkish = text.ToLower(Turkish);
        var invariant = text.ToLowerInvariant();
        var matches = new List<PersonalDataSpan>();
        foreach (var (turkishWord, invariantWord) in _words)
        {
            Collect(turkish, turkishWord, matches);
            Collect(invariant, invariantWord, matches);
        }

        // Longest first, then leftmost; a shorter word inside a longer match is dropped.
        matches.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start.CompareTo(b.Start));
        return SpanSelection.LongestFirst(matches, text.Length);
    }

    private void Collect(string folded, string word, List<PersonalDataSpan> matches)
    {
        var from = 0;
        while (from <= folded.Length - word.Length)
        {
            var at = folded.IndexOf(word, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }

            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(folded[at - 1])) && (end == folded.Length || !char.IsLetterOrDigit(folded[end])))
            {
                matches.Add(new PersonalDataSpan(at, word.Length, Kind));
            }

            from = at + 1;
        }
    }
}
