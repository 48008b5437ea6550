namespace CustomerCare.Complaints.Classification;

/// <summary>
/// Turkish suffixes, good enough to match a lexicon stem inside an agglutinated word and to see whether the word is
/// negated. Works on normalised text (see <see cref="ComplaintTextNormalizer"/>), where vowel-harmony variants fold
/// together (<c>ı/i → i</c>, <c>ü/u → u</c>, <c>ö/o → o</c>), so one entry stands for several spellings.
/// </summary>
/// <remarks>
/// <para>
/// Stripping: a lexicon stem such as <c>kargo*</c> matches a word that starts with the stem when the rest of the word
/// splits into a chain of known suffixes: <c>kargo|m</c>, <c>kargo|ya</c>, <c>kargo|da|ki</c>, <c>kargo|su|n|da</c>.
/// The inventory covers plural, possessive, case, copula and person endings, tense and aspect, voice (passive,
/// causative, reflexive), negation and ability, and a few common derivations (<c>-li</c>, <c>-siz</c>, <c>-lik</c>,
/// <c>-ci</c>). It is deliberately loose: it does not check the order of the suffixes or vowel harmony, because
/// customers do not either, and a stem only ever matches words the lexicon asked for. A stem ending in <c>k</c>,
/// <c>t</c> or <c>p</c> also matches its softened form before a vowel (<c>kırık → kırığı</c>, <c>cevap → cevabı</c>).
/// </para>
/// <para>
/// Negation: the rest of the word is negated when, after optional voice suffixes, it starts with a negative verb ending
/// (<c>gel|medi</c>, <c>gel|memiş</c>, <c>gel|miyor</c>, <c>gel|mez</c>, <c>gel|meyecek</c>, <c>edil|medi</c>), an
/// inability ending (<c>ulaş|amıyorum</c>, <c>bekle|yemedim</c>) or the privative <c>-siz/-suz</c>
/// (<c>sorun|suz</c>, <c>cevap|sız</c>). The infinitive and verbal noun (<c>gelmek</c>, <c>gelmesi</c>) and the
/// evidential <c>-miş</c> (<c>kırılmış</c>) are not negations.
/// </para>
/// </remarks>
internal static class TurkishSuffixes
{
    /// <summary>The longest rest of a word that is still checked; longer rests are not a suffix chain.</summary>
    public const int MaxChainLength = 24;

    private static readonly SuffixTrie Morphemes = new(
    [
        // Plural, possessive, case and the buffer letters that join them.
        "ler", "lar", "m", "im", "um", "n", "in", "un", "i", "u", "si", "su", "miz", "imiz", "umuz", "muz", "niz", "iniz",
        "unuz", "nuz", "leri", "lari", "e", "a", "ye", "ya", "de", "da", "te", "ta", "den", "dan", "ten", "tan", "nde",
        "nda", "nden", "ndan", "ne", "na", "ni", "nu", "nin", "nun", "yi", "yu", "yle", "yla", "le", "la", "ile", "ki",
        "y", "s",

        // Copula and person.
        "dir", "dur", "tir", "tur", "yim", "yum", "sin", "sun", "iz", "uz", "yiz", "yuz", "siniz", "sunuz", "k",

        // Tense, aspect, mood, participles and converbs (with the colloquial -iyo for -iyor).
        "di", "du", "ti", "tu", "ydi", "ydu", "mis", "mus", "ymis", "ymus", "se", "sa", "yse", "ysa", "ken", "yken",
        "iyor", "uyor", "yor", "iyo", "uyo", "yo", "ecek", "acak", "yecek", "yacak", "eceg", "acag", "yeceg", "yacag",
        "ar", "er", "ir", "ur", "r", "z", "meli", "mali", "mek", "mak", "dik", "duk", "tik", "tuk", "dig", "dug", "tig",
        "tug", "en", "an", "yen", "yan", "ip", "up", "yip", "yup", "arak", "erek", "yarak", "yerek", "ince", "unca",
        "yince", "yunca",

        // Voice and verb-forming suffixes.
        "il", "ul", "l", "t", "is", "us", "las", "les",

        // Negation and ability.
        "me", "ma", "mi", "mu", "abil", "ebil", "yabil", "yebil", "ama", "eme", "yama", "yeme",

        // Common derivations.
        "ci", "cu", "li", "lu", "siz", "suz", "lik", "luk", "lig", "lug", "ca", "ce", "sel", "sal",

        // Question particles written together with the word.
        "misiniz", "musunuz", "miyim", "muyum",
    ]);

    private static readonly SuffixTrie VoiceSuffixes = new(["il", "ul", "in", "un", "l", "n", "t", "tir", "dir", "tur", "dur", "is", "us", "s", "la", "le", "las", "les"]);

    // Negative and inability verb endings, as they look after normalisation (with the colloquial -miyo for -miyor).
    private static readonly SuffixTrie NegativeEndings = new(
    [
        "medi", "madi", "memis", "mamis", "miyor", "muyor", "miyo", "muyo", "mez", "maz", "meyecek", "mayacak", "meyen",
        "mayan", "meden", "madan", "meyip", "mayip",
        "emedi", "amadi", "emiyor", "amiyor", "emiyo", "amiyo", "emez", "amaz", "ememis", "amamis", "emeyecek", "amayacak",
        "emeyen", "amayan",
        "yemedi", "yamadi", "yemiyor", "yamiyor", "yemiyo", "yamiyo", "yemez", "yamaz", "yememis", "yamamis", "yemeyecek",
        "yamayacak", "yemeyen", "yamayan",
    ]);

    /// <summary>Whether <paramref name="rest"/> splits into a chain of known suffixes (an empty rest does).</summary>
    public static bool IsSuffixChain(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest.Length > MaxChainLength)
        {
            return false;
        }

        Span<bool> reachable = stackalloc bool[rest.Length + 1];
        reachable[0] = true;
        for (var start = 0; start < rest.Length; start++)
        {
            if (reachable[start])
            {
                Morphemes.MarkEnds(rest, start, reachable);
            }
        }

        return reachable[rest.Length];
    }

    /// <summary>Whether the rest of a word after a stem negates it (see remarks on the type).</summary>
    /// <param name="rest">What follows the stem in the normalised word.</param>
    public static bool NegatesStem(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("siz", StringComparison.Ordinal) || rest.StartsWith("suz", StringComparison.Ordinal))
        {
            return true;
        }

        if (rest.Length > MaxChainLength)
        {
            return false;
        }

        // Voice suffixes may come between the stem and the negation: edil|medi, ulaş|tır|ıl|madı.
        Span<bool> afterVoice = stackalloc bool[rest.Length + 1];
        afterVoice[0] = true;
        for (var start = 0; start < rest.Length; start++)
        {
            if (!afterVoice[start])
            {
                continue;
            }

            if (NegativeEndingAt(rest, start))
            {
                return true;
            }

            VoiceSuffixes.MarkEnds(rest, start, afterVoice);
        }

        return false;
    }

    /// <summary>
    /// Whether a whole word, whatever its stem, carries a negative verb ending: used to let <c>kalmadım</c> negate the
    /// <c>memnun</c> before it.
    /// </summary>
    /// <param name="word">The normalised word.</param>
    public static bool HasNegatedVerbEnding(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxChainLength + 2)
        {
            return false;
        }

        // A verb stem has at least two letters (ye-, de-), and an ending at least three.
        for (var p = 2; p + 3 <= word.Length; p++)
        {
            if (NegativeEndingAt(word, p))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NegativeEndingAt(ReadOnlySpan<char> text, int start)
    {
        var node = SuffixTrie.Root;
        for (var i = start; i < text.Length; i++)
        {
            node = NegativeEndings.Step(node, text[i]);
            if (node == SuffixTrie.None)
            {
                return false;
            }

            if (NegativeEndings.IsEnd(node) && IsSuffixChain(text[(i + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A trie over the letters a–z of normalised suffixes, walked without allocating.</summary>
    private sealed class SuffixTrie
    {
        public const int Root = 0;
        public const int None = 0;
        private const int Letters = 26;
        private readonly int[] _next;
        private readonly bool[] _end;

        public SuffixTrie(string[] suffixes)
        {
            var next = new List<int>(new int[Letters]);
            var end = new List<bool> { false };
            foreach (var suffix in suffixes)
            {
                var node = Root;
                foreach (var c in suffix)
                {
                    var slot = (node * Letters) + (c - 'a');
                    if (next[slot] == None)
                    {
                        next[slot] = end.Count;
                        end.Add(false);
                        next.AddRange(new int[Letters]);
                    }

                    node = next[slot];
                }

                end[node] = true;
            }

            _next = [.. next];
            _end = [.. end];
        }

        public int Step(int node, char c) => c is >= 'a' and <= 'z' ? _next[(node * Letters) + (c - 'a')] : None;

        public bool IsEnd(int node) => _end[node];

        /// <summary>Marks in <paramref name="ends"/> every position where a suffix starting at <paramref name="start"/> ends.</summary>
        public void MarkEnds(ReadOnlySpan<char> text, int start, Span<bool> ends)
        {
            var node = Root;
            for (var i = start; i < text.Length; i++)
            {
                node = Step(node, text[i]);
                if (node == None)
                {
                    return;
                }

                if (_end[node])
                {
                    ends[i + 1] = true;
                }
            }
        }
    }
}
