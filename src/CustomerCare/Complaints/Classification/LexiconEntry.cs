namespace CustomerCare.Complaints.Classification;

/// <summary>The section of a lexicon a phrase is listed under: what the phrase is evidence of.</summary>
internal enum LexiconSection : byte
{
    /// <summary>A complaint category (the section is named after the <see cref="ComplaintCategory"/>).</summary>
    Category,

    /// <summary>Negative sentiment.</summary>
    Negative,

    /// <summary>Positive sentiment.</summary>
    Positive,

    /// <summary>A word that negates the words near it (Turkish: the one or two before; English: up to three after).</summary>
    Negator,

    /// <summary>A word that strengthens the sentiment word after it by half (<c>çok</c>, <c>very</c>).</summary>
    Intensifier,

    /// <summary>A word that starts a new clause and strengthens the sentiment after it by half (<c>ama</c>, <c>but</c>).</summary>
    Contrast,

    /// <summary>A very common word, used only to tell the languages apart.</summary>
    StopWord,
}

/// <summary>One line of a lexicon.</summary>
/// <param name="Section">The section.</param>
/// <param name="Category">The category, for <see cref="LexiconSection.Category"/>.</param>
/// <param name="Phrase">The phrase.</param>
/// <param name="Weight">How much one match counts.</param>
internal sealed record LexiconEntry(LexiconSection Section, ComplaintCategory Category, LexiconPhrase Phrase, double Weight);
