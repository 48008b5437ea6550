using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Feedback.Surveys;

/// <summary>A follow-up an answer calls for, given to every <see cref="ISurveyFollowUp"/>.</summary>
/// <param name="Action">Open a complaint or ask for a review; never <see cref="SurveyFollowUpAction.None"/>.</param>
/// <param name="SurveyId">The survey; the key for a handler's idempotency.</param>
/// <param name="CustomerId">The customer who answered.</param>
/// <param name="OrderId">The order the answer is about.</param>
/// <param name="Kind">CSAT or NPS.</param>
/// <param name="Score">The score.</param>
/// <param name="Comment">The customer's comment, when any.</param>
/// <param name="AnsweredAt">When the customer answered.</param>
public sealed record SurveyFollowUp(
    SurveyFollowUpAction Action, SurveyId SurveyId, CustomerId CustomerId, OrderId OrderId, SurveyKind Kind, int Score, string? Comment, Instant AnsweredAt);
