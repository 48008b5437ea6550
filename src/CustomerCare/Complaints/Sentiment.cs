namespace CustomerCare.Complaints;

/// <summary>The feeling a complaint, review or message expresses.</summary>
/// <remarks>The numeric values are the sign of the feeling, so <see cref="Neutral"/> is the default.</remarks>
public enum Sentiment
{
    /// <summary>Dissatisfied, angry or disappointed; a plain report of a failure also counts as negative.</summary>
    Negative = -1,

    /// <summary>Neither: a request or a question, or praise and blame in balance.</summary>
    Neutral = 0,

    /// <summary>Satisfied or thankful.</summary>
    Positive = 1,
}
