namespace CustomerCare.Complaints.Classification;

/// <summary>A phrase found in a text: which tokens it covers, where it ends in the phrase trie, and its negation.</summary>
internal struct PhraseMatch
{
    public int Start;
    public int End;
    public int Node;
    public int Chars;
    public bool Negated;
    public bool NegatedByVerb;

    /// <summary>The neighbouring token that negated the phrase, or -1.</summary>
    public int NegatedBy;
}

/// <summary>
/// The working buffers of one classification. Each thread keeps one and reuses it, so classifying allocates only the
/// result; a text longer than any seen before grows the buffers once.
/// </summary>
internal sealed class ClassificationScratch
{
    // Buffers grown past this many characters are dropped after use rather than kept for the thread's lifetime.
    private const int RetainedCapacity = 16 * 1024;

    [ThreadStatic]
    private static ClassificationScratch? _cached;

    public char[] Text { get; private set; } = [];

    public TextToken[] Tokens { get; private set; } = [];

    public WordMatch[] Words { get; private set; } = [];

    public int[] WordStart { get; private set; } = [];

    /// <summary>The other language's word matches, kept while the language is being detected.</summary>
    public WordMatch[] OtherWords { get; private set; } = [];

    /// <summary>Where each token's matches start in <see cref="OtherWords"/>.</summary>
    public int[] OtherWordStart { get; private set; } = [];

    public WordRoles[] Roles { get; private set; } = [];

    public int[] Clause { get; private set; } = [];

    public bool[] VerbNegated { get; private set; } = [];

    public bool[] AfterContrast { get; private set; } = [];

    public bool[] Covered { get; private set; } = [];

    public List<PhraseMatch> Phrases { get; } = [];

    public List<ClassificationEvidence> Evidence { get; } = [];

    /// <summary>Takes this thread's buffers, sized for a text of <paramref name="length"/> characters.</summary>
    public static ClassificationScratch Rent(int length)
    {
        var scratch = _cached ?? new ClassificationScratch();
        _cached = null;
        scratch.Ensure(length);
        return scratch;
    }

    /// <summary>Gives the buffers back to this thread.</summary>
    public static void Return(ClassificationScratch scratch)
    {
        scratch.Phrases.Clear();
        scratch.Evidence.Clear();
        if (scratch.Text.Length <= RetainedCapacity)
        {
            _cached = scratch;
        }
    }

    /// <summary>Makes the other language's matches the current ones.</summary>
    public void SwapWords()
    {
        (Words, OtherWords) = (OtherWords, Words);
        (WordStart, OtherWordStart) = (OtherWordStart, WordStart);
    }

    private void Ensure(int length)
    {
        if (Text.Length >= length)
        {
            return;
        }

        var size = Math.Max(length, 256);
        Text = new char[size];
        Tokens = new TextToken[size];

        // A token of n characters has at most n + 1 word matches; tokens are separated, so n + count bounds the total.
        Words = new WordMatch[size * 2 + 1];
        WordStart = new int[size + 1];
        OtherWords = new WordMatch[size * 2 + 1];
        OtherWordStart = new int[size + 1];
        Roles = new WordRoles[size];
        Clause = new int[size];
        VerbNegated = new bool[size];
        AfterContrast = new bool[size];
        Covered = new bool[size];
    }
}
