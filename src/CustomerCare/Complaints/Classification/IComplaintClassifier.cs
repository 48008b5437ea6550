using CustomerCare.Customers;

namespace CustomerCare.Complaints.Classification;

/// <summary>Sorts a complaint's text into a <see cref="ComplaintCategory"/> and reads its <see cref="Sentiment"/>.</summary>
/// <remarks>
/// <para>
/// The classification is a suggestion that staff may correct; it carries the evidence it rests on so that they can see
/// why it was made.
/// </para>
/// <para>
/// Implementer's contract: <see cref="Classify"/> is thread-safe and may be called concurrently from any number of
/// threads; it is deterministic (the same text and locale always give an equal result); it throws
/// <see cref="ArgumentNullException"/> for a <see langword="null"/> text and never throws for any other text,
/// however long, short or malformed.
/// </para>
/// </remarks>
public interface IComplaintClassifier
{
    /// <summary>Classifies one complaint, review or message.</summary>
    /// <param name="text">The text as the customer wrote it.</param>
    /// <param name="locale">
    /// The customer's locale, when known; it picks the language of the lexicon. When <see langword="null"/>, or a
    /// language the classifier does not cover, the language is detected from the text.
    /// </param>
    /// <returns>The category, the sentiment, how sure the classifier is, and the evidence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    ComplaintClassification Classify(string text, Locale? locale = null);
}
