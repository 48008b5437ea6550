using CustomerCare.Feedback.Surveys;
using CustomerCare.Hosting;
using CustomerCare.Notifications;
using CustomerCare.Storage;
using CustomerCare.Templates;

namespace CustomerCare.Sample.Serve;

/// <summary>
/// Sends the invitations the survey job claims as notices through the outbox: the built-in
/// <see cref="TemplateKind.SurveyInvitation"/> template in the customer's language and channel, with a link to the
/// shop's (imaginary) survey site. With it registered, <c>serve</c> runs the survey job.
/// </summary>
/// <remarks>
/// The survey service has already checked consent and survey fatigue when it handed the invitation out, so the notice
/// is transactional. Keyed by the survey id: a redelivered invitation is not queued twice. Thread-safe.
/// </remarks>
public sealed class SurveyInvitationNotifier : ISurveyInvitationSender
{
    /// <summary>Where the invitation links point; the survey id follows.</summary>
    public const string SurveyUrl = "https://anket.ornekmagaza.com.tr/s/";

    private readonly NotificationComposer _composer;
    private readonly ICustomerStore _customers;

    /// <summary>Creates the sender.</summary>
    /// <param name="composer">Renders and queues the notices.</param>
    /// <param name="customers">Finds the invited customer.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SurveyInvitationNotifier(NotificationComposer composer, ICustomerStore customers)
    {
        _composer = composer ?? throw new ArgumentNullException(nameof(composer));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
    }

    /// <inheritdoc />
    public async ValueTask SendAsync(SurveyInvitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (await _customers.FindAsync(invitation.CustomerId, cancellationToken) is not { } customer)
        {
            // Erased or never known: there is nobody to ask.
            return;
        }

        var notice = new Notice($"survey/{invitation.SurveyId}/invitation", TemplateKind.SurveyInvitation, MessageKind.Transactional, model => model
            .Text("order_number", invitation.OrderId.Value)
            .Text("survey_url", SurveyUrl + invitation.SurveyId)
            .Number("survey_minutes", 2)
            .Instant("survey_expires", invitation.ExpiresAt));
        await _composer.SendAsync(customer, notice, cancellationToken);
    }
}
