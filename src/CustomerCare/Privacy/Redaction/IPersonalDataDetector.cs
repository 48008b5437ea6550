namespace CustomerCare.Privacy.Redaction;

/// <summary>Finds one kind of personal data in free text.</summary>
/// <remarks>
/// Implementations are pure and thread-safe, and run in time linear in the text (no backtracking regular
/// expressions): the redactor runs over text that customers and strangers write.
/// </remarks>
public interface IPersonalDataDetector
{
    /// <summary>The kind this detector finds.</summary>
    PersonalDataKind Kind { get; }

    /// <summary>Finds every occurrence, left to right, none overlapping another of this detector.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The spans, ordered by start.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    IReadOnlyList<PersonalDataSpan> Find(string text);
}
