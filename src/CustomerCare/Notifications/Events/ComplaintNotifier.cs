using CustomerCare.Complaints;
using CustomerCare.Policy.Sla;
using CustomerCare.Storage;
using CustomerCare.Templates;
using NodaTime;

namespace CustomerCare.Notifications.Events;

/// <summary>
/// Tells the customer a complaint arrived (the acknowledgement, with the promised answer time) and thanks them for
/// praise. Complaints that match no customer are not notified here: there is nobody known to write to.
/// </summary>
/// <remarks>Thread-safe. Registered by <c>AddNotifications</c>.</remarks>
public sealed class ComplaintNotifier : IComplaintObserver
{
    private static readonly Duration FallbackResponseTime = Duration.FromHours(24);
    private readonly NotificationComposer _composer;
    private readonly ICustomerStore _customers;

    /// <summary>Creates the notifier.</summary>
    /// <param name="composer">Renders and queues the messages.</param>
    /// <param name="customers">Finds the complaint's customer.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ComplaintNotifier(NotificationComposer composer, ICustomerStore customers)
    {
        _composer = composer ?? throw new ArgumentNullException(nameof(composer));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
    }

    /// <inheritdoc/>
    public async ValueTask OnComplaintEventAsync(ComplaintEvent complaintEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaintEvent);
        var complaint = complaintEvent.Complaint;
        var notice = complaintEvent switch
        {
            // Praise also arrives as a received complaint; it is answered with thanks, not with a ticket.
            ComplaintReceived when complaint.Sentiment != Sentiment.Positive => Acknowledgement(complaint),
            PositiveFeedbackReceived => ThankYou(complaint),
            _ => null,
        };
        if (notice is null || complaint.CustomerId is not { } customerId
            || await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false) is not { } customer)
        {
            return;
        }

        await _composer.SendAsync(customer, notice(customer.Locale), cancellationToken).ConfigureAwait(false);
    }

    private static Func<Customers.Locale, Notice> Acknowledgement(Complaint complaint) => locale =>
    {
        var respondBy = complaint.Sla.FirstOrDefault(t => t.Metric == SlaMetric.FirstResponse)?.Deadline ?? complaint.ReceivedAt + FallbackResponseTime;
        return new Notice($"complaint/{complaint.Id}/acknowledgement", TemplateKind.Acknowledgement, MessageKind.Transactional, model => model
            .Text("ticket", complaint.Id.Value)
            .Text("topic", NoticeTexts.Topic(complaint.Category, locale))
            .Text("order_number", complaint.OrderId?.Value ?? string.Empty)
            .Instant("received_at", complaint.ReceivedAt)
            .Instant("respond_by", respondBy)
            .Text("agent_name", complaint.AssignedTo ?? string.Empty)
            .List("next_steps", NoticeTexts.NextSteps(locale)))
        {
            Priority = (int)complaint.Priority,
        };
    };

    private static Func<Customers.Locale, Notice> ThankYou(Complaint complaint) => _ =>
        new Notice($"complaint/{complaint.Id}/thank-you", TemplateKind.ThankYou, MessageKind.Transactional, model => model
            .Text("order_number", complaint.OrderId?.Value ?? string.Empty)
            .Text("agent_name", complaint.AssignedTo ?? string.Empty));
}
