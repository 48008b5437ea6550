namespace CustomerCare.Privacy.Redaction;

/// <summary>
/// Masks personal data in free text: what complaint texts keep after an erasure, and what public replies and logs carry.
/// </summary>
/// <remarks>Implementations are pure and thread-safe.</remarks>
public interface ITextRedactor
{
    /// <summary>Returns <paramref name="text"/> with every piece of personal data it detects masked.</summary>
    /// <param name="text">The text; may be empty.</param>
    /// <returns>The masked text; the same instance when nothing was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    string Redact(string text);
}
