namespace CustomerCare.Complaints.Classification;

/// <summary>The Turkish and English lexicons embedded in the assembly (<c>Lexicons/tr.lexicon</c>, <c>Lexicons/en.lexicon</c>).</summary>
internal static class BuiltInLexicons
{
    private static readonly Lazy<List<LexiconEntry>> TurkishEntries = new(() => Load(ComplaintLanguage.Turkish));
    private static readonly Lazy<List<LexiconEntry>> EnglishEntries = new(() => Load(ComplaintLanguage.English));
    private static readonly Lazy<CompiledLexicon> TurkishCompiled = new(() => CompiledLexicon.Build(ComplaintLanguage.Turkish, Entries(ComplaintLanguage.Turkish)));
    private static readonly Lazy<CompiledLexicon> EnglishCompiled = new(() => CompiledLexicon.Build(ComplaintLanguage.English, Entries(ComplaintLanguage.English)));

    /// <summary>The file name of a language's lexicon.</summary>
    public static string FileName(ComplaintLanguage language) => language == ComplaintLanguage.Turkish ? "tr.lexicon" : "en.lexicon";

    /// <summary>The text of a language's lexicon.</summary>
    public static string Text(ComplaintLanguage language)
    {
        var name = "CustomerCare.Complaints.Classification.Lexicons." + FileName(language);
        using var stream = typeof(BuiltInLexicons).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded lexicon '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed entries of a language's lexicon.</summary>
    public static IReadOnlyList<LexiconEntry> Entries(ComplaintLanguage language) =>
        (language == ComplaintLanguage.Turkish ? TurkishEntries : EnglishEntries).Value;

    /// <summary>A language's lexicon compiled on its own, shared by every classifier without extra terms.</summary>
    public static CompiledLexicon Compiled(ComplaintLanguage language) =>
        (language == ComplaintLanguage.Turkish ? TurkishCompiled : EnglishCompiled).Value;

    private static List<LexiconEntry> Load(ComplaintLanguage language) => LexiconParser.Parse(Text(language), FileName(language));
}
