using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;

namespace CustomerCare.Feedback.Surveys;

/// <summary>Whether a customer may be sent a survey: the one place that decides it.</summary>
/// <remarks>
/// Reads the customer's consent snapshot for <see cref="ConsentPurpose.Surveys"/> on <see cref="ConsentChannel.Email"/>,
/// the channel survey invitations go out on. A survey sent through the notification outbox as a commercial message
/// with <see cref="ConsentPurpose.Surveys"/> is checked against the ledger again before it leaves.
/// </remarks>
internal static class SurveyConsent
{
    /// <summary>The channel survey invitations go out on.</summary>
    public const ConsentChannel Channel = ConsentChannel.Email;

    public static bool Allows(Customer customer) => customer.Consents.Allows(ConsentPurpose.Surveys, Channel);
}
