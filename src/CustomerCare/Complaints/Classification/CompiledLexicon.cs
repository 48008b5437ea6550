namespace CustomerCare.Complaints.Classification;

/// <summary>What a single word does besides being part of phrases.</summary>
[Flags]
internal enum WordRoles : byte
{
    None = 0,
    Negator = 1,
    Intensifier = 2,
    Contrast = 4,
    StopWord = 8,
}

/// <summary>A lexicon word found in a token: which word, how many characters its stem covers, and whether the rest negates it.</summary>
internal struct WordMatch
{
    public int WordId;
    public int Length;
    public bool Negated;
}

/// <summary>A category or sentiment entry as the matcher uses it.</summary>
internal sealed class CompiledEntry
{
    public required string Display { get; init; }

    public required LexiconSection Section { get; init; }

    public required ComplaintCategory Category { get; init; }

    public required double Weight { get; init; }

    public required bool RequiresNegation { get; init; }

    public required bool IgnoresNegation { get; init; }

    public required int Order { get; init; }
}

/// <summary>
/// One language's lexicon compiled for matching: a character trie of its words (exact or stem) and a trie of its
/// phrases over word ids. Immutable once built, so it is shared freely between threads.
/// </summary>
internal sealed class CompiledLexicon
{
    private readonly int[] _childStart;
    private readonly char[] _childChar;
    private readonly int[] _childNode;
    private readonly int[] _exactWord;
    private readonly int[] _stemWord;
    private readonly WordRoles[] _wordRoles;
    private readonly Dictionary<long, int> _phraseNext;
    private readonly int[] _phraseFirst;
    private readonly CompiledEntry[][] _phraseEntries;
    private readonly bool[] _phraseHasChildren;

    private CompiledLexicon(
        ComplaintLanguage language,
        int[] childStart,
        char[] childChar,
        int[] childNode,
        int[] exactWord,
        int[] stemWord,
        WordRoles[] wordRoles,
        Dictionary<long, int> phraseNext,
        CompiledEntry[][] phraseEntries,
        bool[] phraseHasChildren,
        int entryCount)
    {
        Language = language;
        _childStart = childStart;
        _childChar = childChar;
        _childNode = childNode;
        _exactWord = exactWord;
        _stemWord = stemWord;
        _wordRoles = wordRoles;
        _phraseNext = phraseNext;
        _phraseEntries = phraseEntries;

        // Most look-ups start a phrase, so the root's transitions are an array indexed by word id.
        _phraseFirst = new int[wordRoles.Length];
        for (var word = 0; word < _phraseFirst.Length; word++)
        {
            _phraseFirst[word] = phraseNext.TryGetValue(Key(PhraseRoot, word), out var first) ? first : -1;
        }

        _phraseHasChildren = phraseHasChildren;
        EntryCount = entryCount;
    }

    /// <summary>The language, which decides how the rest of a word after a stem is read.</summary>
    public ComplaintLanguage Language { get; }

    /// <summary>How many category and sentiment entries there are.</summary>
    public int EntryCount { get; }

    /// <summary>The root of the phrase trie.</summary>
    public static int PhraseRoot => 0;

    /// <summary>Compiles entries; later entries with the same phrase and section add to earlier ones.</summary>
    /// <param name="language">The language.</param>
    /// <param name="entries">The entries, in priority order.</param>
    /// <returns>The compiled lexicon.</returns>
    public static CompiledLexicon Build(ComplaintLanguage language, IEnumerable<LexiconEntry> entries)
    {
        var wordIds = new Dictionary<LexiconWord, int>();
        var roles = new List<WordRoles>();
        var trie = new List<SortedDictionary<char, int>> { new() };
        var exact = new List<int> { -1 };
        var stem = new List<int> { -1 };
        var phraseNext = new Dictionary<long, int>();
        var phraseEntries = new List<List<CompiledEntry>> { new() };
        var phraseHasChildren = new List<bool> { false };
        var order = 0;

        int WordId(LexiconWord word)
        {
            if (wordIds.TryGetValue(word, out var id))
            {
                return id;
            }

            id = wordIds.Count;
            wordIds.Add(word, id);
            roles.Add(WordRoles.None);
            Insert(word.Text, word.IsStem, id, overwrite: true);

            // A Turkish stem ending in k, t or p softens before a vowel: kırık → kırığı, cevap → cevabı.
            if (language == ComplaintLanguage.Turkish && word.IsStem && word.Text.Length > 2)
            {
                var softened = word.Text[^1] switch { 'k' => 'g', 't' => 'd', 'p' => 'b', _ => '\0' };
                if (softened != '\0')
                {
                    Insert(string.Concat(word.Text.AsSpan(0, word.Text.Length - 1), [softened]), isStem: true, id, overwrite: false);
                }
            }

            return id;
        }

        void Insert(string text, bool isStem, int id, bool overwrite)
        {
            var node = 0;
            foreach (var c in text)
            {
                if (!trie[node].TryGetValue(c, out var child))
                {
                    child = trie.Count;
                    trie[node][c] = child;
                    trie.Add(new SortedDictionary<char, int>());
                    exact.Add(-1);
                    stem.Add(-1);
                }

                node = child;
            }

            var slots = isStem ? stem : exact;
            if (overwrite || slots[node] < 0)
            {
                slots[node] = id;
            }
        }

        foreach (var entry in entries)
        {
            var ids = entry.Phrase.Words.Select(WordId).ToArray();
            switch (entry.Section)
            {
                case LexiconSection.Negator:
                    roles[ids[0]] |= WordRoles.Negator;
                    continue;
                case LexiconSection.Intensifier:
                    roles[ids[0]] |= WordRoles.Intensifier;
                    continue;
                case LexiconSection.Contrast:
                    roles[ids[0]] |= WordRoles.Contrast;
                    continue;
                case LexiconSection.StopWord:
                    roles[ids[0]] |= WordRoles.StopWord;
                    continue;
            }

            var node = PhraseRoot;
            foreach (var id in ids)
            {
                var key = Key(node, id);
                if (!phraseNext.TryGetValue(key, out var child))
                {
                    child = phraseEntries.Count;
                    phraseNext.Add(key, child);
                    phraseEntries.Add([]);
                    phraseHasChildren.Add(false);
                    phraseHasChildren[node] = true;
                }

                node = child;
            }

            phraseEntries[node].Add(new CompiledEntry
            {
                Display = entry.Phrase.Display,
                Section = entry.Section,
                Category = entry.Category,
                Weight = entry.Weight,
                RequiresNegation = entry.Phrase.RequiresNegation,
                IgnoresNegation = entry.Phrase.IgnoresNegation,
                Order = order++,
            });
        }

        var childStart = new int[trie.Count + 1];
        var childChar = new List<char>();
        var childNode = new List<int>();
        for (var node = 0; node < trie.Count; node++)
        {
            childStart[node] = childChar.Count;
            foreach (var (c, child) in trie[node])
            {
                childChar.Add(c);
                childNode.Add(child);
            }
        }

        childStart[trie.Count] = childChar.Count;
        return new CompiledLexicon(
            language,
            childStart,
            [.. childChar],
            [.. childNode],
            [.. exact],
            [.. stem],
            [.. roles],
            phraseNext,
            [.. phraseEntries.Select(e => e.ToArray())],
            [.. phraseHasChildren],
            order);
    }

    /// <summary>
    /// Finds every lexicon word in a normalised token, longest first: exact words equal to the token, and stems the
    /// token starts with whose rest is a valid ending for the language.
    /// </summary>
    /// <param name="token">The normalised token.</param>
    /// <param name="output">Receives the matches; needs room for <c>token.Length + 1</c>.</param>
    /// <returns>The number of matches.</returns>
    public int MatchWord(ReadOnlySpan<char> token, Span<WordMatch> output)
    {
        var count = 0;
        var node = 0;
        for (var i = 0; i < token.Length; i++)
        {
            node = Child(node, token[i]);
            if (node < 0)
            {
                break;
            }

            var stemWord = _stemWord[node];
            if (stemWord >= 0)
            {
                var rest = token[(i + 1)..];
                if (Language == ComplaintLanguage.Turkish ? TurkishSuffixes.IsSuffixChain(rest) : EnglishSuffixes.IsInflection(rest))
                {
                    output[count++] = new WordMatch
                    {
                        WordId = stemWord,
                        Length = i + 1,
                        Negated = Language == ComplaintLanguage.Turkish && !rest.IsEmpty && TurkishSuffixes.NegatesStem(rest),
                    };
                }
            }

            if (i == token.Length - 1 && _exactWord[node] >= 0)
            {
                output[count++] = new WordMatch { WordId = _exactWord[node], Length = token.Length };
            }
        }

        output[..count].Reverse();
        return count;
    }

    /// <summary>The roles of a word.</summary>
    public WordRoles RolesOf(int wordId) => _wordRoles[wordId];

    /// <summary>The phrase node reached from <paramref name="node"/> by a word, or -1.</summary>
    public int NextPhraseNode(int node, int wordId) =>
        node == PhraseRoot ? _phraseFirst[wordId] : _phraseNext.TryGetValue(Key(node, wordId), out var next) ? next : -1;

    /// <summary>The entries of the phrase that ends at a node (empty when no phrase ends there).</summary>
    public CompiledEntry[] EntriesAt(int node) => _phraseEntries[node];

    /// <summary>Whether longer phrases continue from a node.</summary>
    public bool HasLongerPhrases(int node) => _phraseHasChildren[node];

    private static long Key(int node, int wordId) => ((long)node << 32) | (uint)wordId;

    private int Child(int node, char c)
    {
        var low = _childStart[node];
        var high = _childStart[node + 1] - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var value = _childChar[middle];
            if (value == c)
            {
                return _childNode[middle];
            }

            if (value < c)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
