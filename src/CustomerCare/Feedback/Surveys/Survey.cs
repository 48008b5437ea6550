using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Feedback.Surveys;

/// <summary>One satisfaction survey about one delivered order: when it is due, whether it was sent or skipped, and its answer.</summary>
/// <remarks>
/// Immutable. The store moves a survey from <see cref="SurveyStatus.Scheduled"/> to <see cref="SurveyStatus.Sent"/>
/// (setting <see cref="SentAt"/> and <see cref="ExpiresAt"/>), or to <see cref="SurveyStatus.Skipped"/> (setting
/// <see cref="SkipReason"/> and <see cref="SkippedAt"/>, and clearing the sent instants), and from
/// <see cref="SurveyStatus.Sent"/> to <see cref="SurveyStatus.Answered"/> (setting <see cref="Answer"/>), each step
/// once.
/// </remarks>
/// <param name="Id">The survey identifier.</param>
/// <param name="CustomerId">The customer asked.</param>
/// <param name="OrderId">The order asked about; one survey per order.</param>
/// <param name="Kind">CSAT or NPS.</param>
/// <param name="DeliveredAt">When the order was delivered.</param>
/// <param name="DueAt">When the survey may be sent.</param>
public sealed record Survey(SurveyId Id, CustomerId CustomerId, OrderId OrderId, SurveyKind Kind, Instant DeliveredAt, Instant DueAt)
{
    /// <summary>Where the survey is in its life.</summary>
    public SurveyStatus Status { get; init; } = SurveyStatus.Scheduled;

    /// <summary>When a send run claimed it and handed out its invitation; <see langword="null"/> unless sent or answered.</summary>
    public Instant? SentAt { get; init; }

    /// <summary>When it stops taking an answer; <see langword="null"/> unless sent or answered.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>Why it was not sent; <see langword="null"/> unless skipped.</summary>
    public SurveySkipReason? SkipReason { get; init; }

    /// <summary>When it was skipped; <see langword="null"/> unless skipped.</summary>
    public Instant? SkippedAt { get; init; }

    /// <summary>The answer; <see langword="null"/> unless answered.</summary>
    public SurveyAnswer? Answer { get; init; }

    /// <summary>Whether the survey was sent and no longer takes an answer at an instant.</summary>
    /// <param name="at">The instant.</param>
    /// <returns><see langword="true"/> when <paramref name="at"/> is at or after <see cref="ExpiresAt"/>.</returns>
    public bool IsExpiredAt(Instant at) => ExpiresAt is { } expires && at >= expires;
}
