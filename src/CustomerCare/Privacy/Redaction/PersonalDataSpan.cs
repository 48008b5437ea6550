namespace CustomerCare.Privacy.Redaction;

/// <summary>Where a piece of personal data sits in a text.</summary>
/// <param name="Start">The index of its first character.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="Kind">What it is.</param>
public readonly record struct PersonalDataSpan(int Start, int Length, PersonalDataKind Kind)
{
    /// <summary>The index just past its last character.</summary>
    public int End => Start + Length;

    /// <summary>Whether it shares a character with <paramref name="other"/>.</summary>
    /// <param name="other">The other span.</param>
    /// <returns><see langword="true"/> when they overlap.</returns>
    public bool Overlaps(PersonalDataSpan other) => Start < other.End && other.Start < End;
}
