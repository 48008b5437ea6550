using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Feedback.Surveys;

/// <summary>A survey handed out by a send run, for the notifications part to render and send.</summary>
/// <param name="SurveyId">The survey; the answer link carries it.</param>
/// <param name="CustomerId">The customer to ask.</param>
/// <param name="OrderId">The order asked about.</param>
/// <param name="Kind">CSAT or NPS.</param>
/// <param name="ExpiresAt">When the survey stops taking an answer.</param>
public sealed record SurveyInvitation(SurveyId SurveyId, CustomerId CustomerId, OrderId OrderId, SurveyKind Kind, Instant ExpiresAt);
