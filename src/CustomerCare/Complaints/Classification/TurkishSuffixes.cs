using System.Collections.Frozen;

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

    private static readonly FrozenSet<string> Morphemes = FrozenSet.Create(StringComparer.Ordinal,
    [
        // Plural, possessive, case and the buffer letters that join them.
        "ler", "lar", "m", "im", "um", "n", "in", "un", "i", "u", "si", "su", "miz", "imiz", "umuz", "muz", "niz", "iniz",
        "unuz", "nuz", "leri", "lari", "e", "a", "ye", "ya", "de", "da", "te", "ta", "den", "dan", "ten", "tan", "nde",
        "nda", "nden", "ndan", "ne", "na", "ni", "nu", "nin", "nun", "yi", "yu", "yle", "yla", "le", "la", "ile", "ki",
        "y", "s",

        // Copula and person.
        "dir", "dur", "tir", "tur", "yim", "yum", "sin", "sun", "iz", "uz", "yiz", "yuz", "siniz", "sunuz", "k",

        // Tense, aspect, mood, participles and converbs.
        "di", "du", "ti", "tu", "ydi", "ydu", "mis", "mus", "ymis", "ymus", "se", "sa", "yse", "ysa", "ken", "yken",
        "iyor", "uyor", "yor", "iyo", "uyo", "yo", "ecek", "acak", "yecek", "yacak", "eceg", "acag", "yeceg", "yacag", "ar", "er", "ir", "ur",
        "r", "z", "meli", "mali", "mek", "mak", "dik", "duk", "tik", "tuk", "dig", "dug", "tig", "tug", "en", "an", "yen",
        "yan", "ip", "up", "yip", "yup", "arak", "erek", "yarak", "yerek", "ince", "unca", "yince", "yunca",

        // Voice and verb-forming suffixes.
        "il", "ul", "l", "t", "is", "us", "las", "les",

        // Negation and ability.
        "me", "ma", "mi", "mu", "abil", "ebil", "yabil", "yebil", "ama", "eme", "yama", "yeme",

        // Common derivations.
        "ci", "cu", "li", "lu", "siz", "suz", "lik", "luk", "lig", "lug", "ca", "ce", "sel", "sal",

        // Question particles written together with the word.
        "misiniz", "musunuz", "miyim", "muyum",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MorphemeLookup =
        Morphemes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] VoiceSuffixes = ["il", "ul", "in", "un", "l", "n", "t", "tir", "dir", "tur", "dur", "is", "us", "s", "la", "le", "las", "les"];

    // Negative and inability verb endings, as they look after normalisation.
    private static readonly string[] NegativeEndings =
    [
        "medi", "madi", "memis", "mamis", "miyor", "muyor", "mez", "maz", "meyecek", "mayacak", "meyen", "mayan",
        "meden", "madan", "meyip", "mayip", "miyo", "muyo",
        "emedi", "amadi", "emiyor", "amiyor", "emez", "amaz", "ememis", "amamis", "emeyecek", "amayacak", "emeyen", "amayan",
        "yemedi", "yamadi", "yemiyor", "yamiyor", "yemez", "yamaz", "yememis", "yamamis", "yemeyecek", "yamayacak",
        "yemeyen", "yamayan", "emiyo", "amiyo", "yemiyo", "yamiyo",
    ];

    private static readonly int MaxMorphemeLength = Morphemes.Max(m => m.Length);

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
            if (!reachable[start])
            {
                continue;
            }

            var longest = Math.Min(MaxMorphemeLength, rest.Length - start);
            for (var length = 1; length <= longest; length++)
            {
                if (MorphemeLookup.Contains(rest.Slice(start, length)))
                {
                    reachable[start + length] = true;
                }
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

        return StartsWithNegationAfterVoice(rest, depth: 0);
    }

    /// <summary>
    /// Whether a whole word, whatever its stem, carries a negative verb ending: used to let <c>kalmadım</c> negate the
    /// <c>memnun</c> before it.
    /// </summary>
    /// <param name="word">The normalised word.</param>
    public static bool HasNegatedVerbEnding(ReadOnlySpan<char> word)
    {
        // A verb stem has at least two letters (ye-, de-), and an ending at least three.
        for (var p = 2; p + 3 <= word.Length; p++)
        {
            var c = word[p];
            var candidate = c == 'm'
                || ((c is 'a' or 'e') && word[p + 1] == 'm')
                || (c == 'y' && word[p + 2] == 'm');
            if (candidate && StartsWithNegativeEnding(word[p..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithNegationAfterVoice(ReadOnlySpan<char> rest, int depth)
    {
        if (StartsWithNegativeEnding(rest))
        {
            return true;
        }

        if (depth == 3)
        {
            return false;
        }

        foreach (var voice in VoiceSuffixes)
        {
            if (rest.Length > voice.Length && rest.StartsWith(voice, StringComparison.Ordinal)
                && StartsWithNegationAfterVoice(rest[voice.Length..], depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithNegativeEnding(ReadOnlySpan<char> rest)
    {
        foreach (var ending in NegativeEndings)
        {
            if (rest.StartsWith(ending, StringComparison.Ordinal) && IsSuffixChain(rest[ending.Length..]))
            {
                return true;
            }
        }

        return false;
    }
}
