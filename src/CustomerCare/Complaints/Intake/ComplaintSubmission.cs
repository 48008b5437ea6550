using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Complaints.Intake;

/// <summary>
/// A complaint as a channel adapter hands it in, before it is validated, matched to a customer and classified. Only
/// <see cref="Channel"/>, <see cref="SourceReference"/> and <see cref="Text"/> are required.
/// </summary>
public sealed record ComplaintSubmission
{
    /// <summary>The channel it came in on.</summary>
    public required ComplaintChannel Channel { get; init; }

    /// <summary>The source's own reference, unique per channel: the same reference again is the same complaint.</summary>
    public required string SourceReference { get; init; }

    /// <summary>What the customer wrote.</summary>
    public required string Text { get; init; }

    /// <summary>A title or subject, where the channel has one.</summary>
    public string? Title { get; init; }

    /// <summary>The author as the channel names them (a social handle, an e-mail address, a phone number).</summary>
    public string? AuthorHandle { get; init; }

    /// <summary>The customer's identifier, when the channel knows it (a signed-in form or chat).</summary>
    public string? CustomerId { get; init; }

    /// <summary>The author's e-mail address, when known.</summary>
    public string? Email { get; init; }

    /// <summary>The author's phone number, when known.</summary>
    public string? Phone { get; init; }

    /// <summary>The order number the complaint names, when it names one.</summary>
    public string? OrderNumber { get; init; }

    /// <summary>The product the complaint is about, when known.</summary>
    public string? ProductId { get; init; }

    /// <summary>Whether the complaint is public; by default, posts on social channels and complaint sites are.</summary>
    public bool? IsPublic { get; init; }

    /// <summary>The language, when the channel knows it; the classifier detects it otherwise.</summary>
    public Locale? Locale { get; init; }

    /// <summary>When the source says it was written; the clock's instant when <see langword="null"/>.</summary>
    public Instant? WrittenAt { get; init; }
}
