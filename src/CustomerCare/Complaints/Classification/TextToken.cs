namespace CustomerCare.Complaints.Classification;

/// <summary>What a token is made of.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Emoji,
}

/// <summary>One word, number or emoji of a text: where it is in the source and where its normalised form is.</summary>
internal struct TextToken
{
    /// <summary>Index of the first source character.</summary>
    public int SourceStart;

    /// <summary>Index just past the last source character.</summary>
    public int SourceEnd;

    /// <summary>Index of the normalised form in the normalised-text buffer.</summary>
    public int TextStart;

    /// <summary>Length of the normalised form.</summary>
    public int TextLength;

    /// <summary>Word, number or emoji.</summary>
    public TokenKind Kind;

    /// <summary>Whether punctuation (a full stop, comma, question mark, line break …) comes between this token and the previous one.</summary>
    public bool StartsClause;
}
