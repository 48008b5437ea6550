using CustomerCare.Customers;

namespace CustomerCare.Feedback.Surveys;

/// <summary>Whether a customer may be sent a survey: the one place that decides it.</summary>
/// <remarks>Reads <see cref="Customer.AcceptsMarketing"/> until the consent ledger of the privacy part replaces it.</remarks>
internal static class SurveyConsent
{
    public static bool Allows(Customer customer) => customer.AcceptsMarketing;
}
