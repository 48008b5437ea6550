using CustomerCare.Complaints.Assignment;
using CustomerCare.Complaints.Classification;
using CustomerCare.Complaints.Suspicion;
using CustomerCare.Diagnostics;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Complaints.Intake;

/// <summary>
/// Turns a complaint from any channel into one stored <see cref="Complaint"/>: validated, matched to a customer (by
/// id, e-mail, phone, then order number), classified, prioritized, checked for suspicion, assigned, and acknowledged.
/// </summary>
/// <remarks>
/// <para>
/// Idempotent per (channel, source reference): the same post delivered twice is one complaint, and the second
/// delivery returns it with <see cref="IntakeResult.IsNew"/> <see langword="false"/>. Every intake raises
/// <see cref="ComplaintReceived"/>, which is when the automatic acknowledgement (seed 002: "we received your message")
/// is due; the complaint is stored as <see cref="ComplaintStatus.Acknowledged"/>. Positive feedback also raises
/// <see cref="PositiveFeedbackReceived"/> (seed 000: it gets a thank-you) and is resolved at once.
/// </para>
/// <para>Nothing is stored when the submission is invalid. Thread-safe.</para>
/// </remarks>
public sealed class ComplaintIntake
{
    private readonly IComplaintStore _complaints;
    private readonly CustomerMatcher _matcher;
    private readonly IComplaintClassifier _classifier;
    private readonly SuspicionDetector _suspicion;
    private readonly ComplaintAssigner _assigner;
    private readonly IClock _clock;
    private readonly IComplaintObserver[] _observers;
    private readonly Sla.ComplaintSlaTracker? _sla;

    /// <summary>Creates the intake.</summary>
    /// <param name="complaints">The complaint store.</param>
    /// <param name="customers">The customer store, to match authors.</param>
    /// <param name="classifier">The classifier.</param>
    /// <param name="suspicion">The suspicion detector.</param>
    /// <param name="assigner">The assigner.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="observers">Told about received complaints after they are stored.</param>
    /// <param name="sla">Starts the response timers; <see langword="null"/> for none.</param>
    public ComplaintIntake(
        IComplaintStore complaints,
        ICustomerStore customers,
        IComplaintClassifier classifier,
        SuspicionDetector suspicion,
        ComplaintAssigner assigner,
        IClock clock,
        IEnumerable<IComplaintObserver> observers,
        Sla.ComplaintSlaTracker? sla = null)
    {
        _sla = sla;
        _complaints = complaints ?? throw new ArgumentNullException(nameof(complaints));
        _matcher = new CustomerMatcher(customers ?? throw new ArgumentNullException(nameof(customers)));
        _classifier = classifier ?? throw new ArgumentNullException(nameof(classifier));
        _suspicion = suspicion ?? throw new ArgumentNullException(nameof(suspicion));
        _assigner = assigner ?? throw new ArgumentNullException(nameof(assigner));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _observers = [.. observers ?? throw new ArgumentNullException(nameof(observers))];
    }

    /// <summary>Receives a complaint.</summary>
    /// <param name="submission">The complaint as the channel gave it.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is stored when cancelled before the write.</param>
    /// <returns>The stored complaint, and whether it is new.</returns>
    /// <exception cref="FieldValidationException">The submission is invalid; every problem is named with its field and value, and nothing is stored.</exception>
    public async ValueTask<IntakeResult> ReceiveAsync(ComplaintSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        using var activity = CustomerCareTelemetry.ActivitySource.StartActivity("customercare.complaints.receive");
        var now = _clock.GetCurrentInstant();
        var valid = ComplaintSubmissionValidator.Validate(submission, now);
        if (await _complaints.FindBySourceAsync(submission.Channel, submission.SourceReference, cancellationToken).ConfigureAwait(false) is { } known)
        {
            await ReceivedAsync(known, cancellationToken).ConfigureAwait(false);
            return new IntakeResult(known, IsNew: false);
        }

        var complaint = await BuildAsync(valid, now, cancellationToken).ConfigureAwait(false);
        var added = await _complaints.AddAsync(complaint, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("customercare.complaint.channel", submission.Channel.ToString());
        activity?.SetTag("customercare.complaint.new", added.Added);
        if (added.Added)
        {
            CustomerCareTelemetry.ComplaintsReceived.Add(1, new KeyValuePair<string, object?>("channel", submission.Channel.ToString()));
        }

        await ReceivedAsync(added.Complaint, cancellationToken).ConfigureAwait(false);
        return new IntakeResult(added.Complaint, added.Added);
    }

    private async ValueTask<Complaint> BuildAsync(ValidSubmission valid, Instant now, CancellationToken cancellationToken)
    {
        var submission = valid.Submission;
        var (match, customer) = await _matcher.MatchAsync(valid, cancellationToken).ConfigureAwait(false);
        var text = submission.Title is null ? submission.Text : submission.Title + "\n" + submission.Text;
        var classification = _classifier.Classify(text, submission.Locale ?? customer?.Locale);
        var complaint = new Complaint
        {
            Id = ComplaintId.New(),
            Channel = submission.Channel,
            SourceReference = submission.SourceReference,
            AuthorHandle = submission.AuthorHandle,
            Title = submission.Title,
            Text = submission.Text,
            IsPublic = valid.IsPublic,
            OrderId = valid.OrderId,
            ProductId = submission.ProductId,
            Match = match,
            Category = classification.Category,
            Sentiment = classification.Sentiment,
            Priority = PriorityOf(valid.IsPublic, classification),
            ReceivedAt = valid.WrittenAt,
            History = [new ComplaintHistoryEntry(now, ComplaintHistoryEntry.System, ComplaintAction.Received, null, ComplaintStatus.New.ToString(), $"matched by {match.Reason}")],
        };
        complaint = complaint with { Flags = [.. await _suspicion.DetectAsync(complaint, customer, cancellationToken).ConfigureAwait(false)] };
        complaint = _sla?.Start(complaint) ?? complaint;
        var arrived = complaint;
        complaint = ComplaintService.Move(complaint, ComplaintStatus.Acknowledged, ComplaintHistoryEntry.System, now, "automatic acknowledgement");
        if (classification.Sentiment == Sentiment.Positive)
        {
            complaint = ComplaintService.Move(complaint, ComplaintStatus.Resolved, ComplaintHistoryEntry.System, now, "positive feedback: thanked");
        }

        complaint = _sla?.Apply(arrived, complaint, now) ?? complaint;

        if (await _assigner.PickAsync(complaint.Channel, cancellationToken).ConfigureAwait(false) is { } member)
        {
            complaint = complaint with
            {
                AssignedTo = member,
                History = complaint.History.Add(new ComplaintHistoryEntry(now, ComplaintHistoryEntry.System, ComplaintAction.Assigned, null, member)),
            };
        }

        return complaint;
    }

    /// <summary>Public posts and clearly broken promises come first: everybody can see the first, and the second cost the customer most.</summary>
    private static ComplaintPriority PriorityOf(bool isPublic, ComplaintClassification classification) =>
        classification.Sentiment == Sentiment.Positive ? ComplaintPriority.Low
        : isPublic || classification.Category is ComplaintCategory.NeverDelivered or ComplaintCategory.Damaged or ComplaintCategory.WrongItem ? ComplaintPriority.High
        : ComplaintPriority.Normal;

    private async ValueTask ReceivedAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        var at = complaint.ReceivedAt;
        foreach (var observer in _observers)
        {
            await observer.OnComplaintEventAsync(new ComplaintReceived(complaint, at), cancellationToken).ConfigureAwait(false);
            if (complaint.Sentiment == Sentiment.Positive)
            {
                await observer.OnComplaintEventAsync(new PositiveFeedbackReceived(complaint, at), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
