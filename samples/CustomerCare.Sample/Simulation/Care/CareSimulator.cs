using System.Globalization;
using Bogus;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Intake;
using CustomerCare.Complaints.Sla;
using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Policy.Promises;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Sample.Simulation.Care;

/// <summary>
/// The care side of a simulated day: customers whose promises were broken complain on every channel, others praise
/// or ask, a competitor now and then posts from made-up accounts, staff answer and resolve, and delivered orders are
/// surveyed and answered. Everything goes through the library: <see cref="ComplaintIntake"/>,
/// <see cref="ComplaintService"/>, <see cref="BrokenPromiseDetector"/> and <see cref="SurveyService"/>.
/// </summary>
/// <remarks>Random draws come from one seeded source, taken in a fixed order, so a seed gives the same counts. Not thread-safe.</remarks>
public sealed class CareSimulator
{
    // How many random customers a day's speaker is drawn from before the day goes without one.
    private const int SpeakerDraws = 20;
    private static readonly (ComplaintChannel Value, int Weight)[] Channels =
    [
        (ComplaintChannel.Email, 30), (ComplaintChannel.Phone, 20), (ComplaintChannel.LiveChat, 15), (ComplaintChannel.ContactForm, 10),
        (ComplaintChannel.Twitter, 10), (ComplaintChannel.Facebook, 5), (ComplaintChannel.ComplaintSite, 10),
    ];

    // Social handles are written the way Turkish users type them: "İbrahim" becomes "ibrahim", not "i̇brahim".
    private static readonly CultureInfo TurkishCulture = CultureInfo.GetCultureInfo("tr-TR");

    private readonly ComplaintIntake _intake;
    private readonly ComplaintService _complaints;
    private readonly IComplaintStore _store;
    private readonly BrokenPromiseDetector _promises;
    private readonly SurveyService _surveys;
    private readonly ICustomerStore _customers;
    private readonly RecoveryLog _recoveries;
    private readonly ComplaintSlaSweep _sla;
    private int _sequence;

    /// <summary>Creates the simulator.</summary>
    /// <param name="intake">The complaint intake.</param>
    /// <param name="complaints">The complaint service staff use.</param>
    /// <param name="store">The complaint store.</param>
    /// <param name="promises">The broken-promise detector, swept daily.</param>
    /// <param name="surveys">The survey service.</param>
    /// <param name="customers">The customer store.</param>
    /// <param name="recoveries">The library's recoveries, as the customers learn of them.</param>
    /// <param name="sla">The escalation sweep, run at the end of each day.</param>
    public CareSimulator(ComplaintIntake intake, ComplaintService complaints, IComplaintStore store, BrokenPromiseDetector promises, SurveyService surveys, ICustomerStore customers, RecoveryLog recoveries, ComplaintSlaSweep sla)
    {
        _sla = sla ?? throw new ArgumentNullException(nameof(sla));
        _intake = intake ?? throw new ArgumentNullException(nameof(intake));
        _complaints = complaints ?? throw new ArgumentNullException(nameof(complaints));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _promises = promises ?? throw new ArgumentNullException(nameof(promises));
        _surveys = surveys ?? throw new ArgumentNullException(nameof(surveys));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _recoveries = recoveries ?? throw new ArgumentNullException(nameof(recoveries));
    }

    /// <summary>Runs the care side of the day that ends at <paramref name="now"/>.</summary>
    /// <param name="random">The seeded random source of the care side.</param>
    /// <param name="now">The end of the day (the clock's instant).</param>
    /// <param name="activity">Where to count what happened.</param>
    /// <param name="population">Every simulated customer's id, from which the day's speakers are drawn.</param>
    /// <param name="cancellationToken">Cancels the day.</param>
    /// <returns>A task that completes when the day is done.</returns>
    public async Task RunDayAsync(Randomizer random, Instant now, CareActivity activity, IReadOnlyList<CustomerId> population, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(population);
        var dayStart = now - Duration.FromDays(1);
        await _promises.SweepAsync(now, cancellationToken).ConfigureAwait(false);
        await CustomersSpeakAsync(random, dayStart, activity, population, cancellationToken).ConfigureAwait(false);
        await StaffAsync(random, now, activity, cancellationToken).ConfigureAwait(false);
        await SurveysAsync(random, now, activity, cancellationToken).ConfigureAwait(false);
        activity.SlaEscalations += (await _sla.RunAsync(now, cancellationToken).ConfigureAwait(false)).Count;
    }

    private async Task CustomersSpeakAsync(Randomizer random, Instant dayStart, CareActivity activity, IReadOnlyList<CustomerId> population, CancellationToken cancellationToken)
    {
        foreach (var recovery in _recoveries.TakeNew())
        {
            if (recovery.Promise.Kind == BrokenPromiseKind.Unanswered || !random.Bool(0.5f)
                || await _customers.FindAsync(recovery.Promise.CustomerId, cancellationToken).ConfigureAwait(false) is not { } customer)
            {
                continue;
            }

            var texts = Voices.AboutBrokenPromises[recovery.Promise.Kind];
            var order = recovery.Promise.Subject.StartsWith("order:", StringComparison.Ordinal) ? recovery.Promise.Subject["order:".Length..] : null;
            await SendAsync(random, customer, texts[random.Int(0, texts.Length - 1)], order, dayStart, activity, cancellationToken).ConfigureAwait(false);
        }

        for (var i = random.Int(0, 2); i > 0; i--)
        {
            if (await SomeoneWhoOrderedAsync(random, population, cancellationToken).ConfigureAwait(false) is not { } customer)
            {
                break;
            }

            var texts = random.Bool(0.4f) ? Voices.Praise : Voices.Questions;
            await SendAsync(random, customer, texts[random.Int(0, texts.Length - 1)], null, dayStart, activity, cancellationToken).ConfigureAwait(false);
        }

        if (random.Bool(0.06f))
        {
            // A competitor's made-up account posts the same story a few times within the hour.
            var handle = "@" + random.AlphaNumeric(8);
            var at = dayStart + Duration.FromMinutes(random.Int(0, 22 * 60));
            var channel = random.Bool() ? ComplaintChannel.Twitter : ComplaintChannel.ComplaintSite;
            for (var post = 0; post < 3; post++)
            {
                await _intake.ReceiveAsync(new ComplaintSubmission
                {
                    Channel = channel,
                    SourceReference = NextReference("fake"),
                    AuthorHandle = handle,
                    Text = Voices.Fake[random.Int(0, Voices.Fake.Length - 1)],
                    WrittenAt = at + Duration.FromMinutes(post * 10),
                }, cancellationToken).ConfigureAwait(false);
                activity.FakePostsSent++;
                activity.ComplaintsSent++;
            }
        }
    }

    // Drawn by trying random customers, not by listing everyone who ordered: that list read and parsed every customer
    // each day, a third of the care side's time in a 30k-customer trace.
    private async Task<Customer?> SomeoneWhoOrderedAsync(Randomizer random, IReadOnlyList<CustomerId> population, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < SpeakerDraws && population.Count > 0; attempt++)
        {
            if (await _customers.FindAsync(population[random.Int(0, population.Count - 1)], cancellationToken).ConfigureAwait(false) is { Stats.OrderCount: > 0 } customer)
            {
                return customer;
            }
        }

        return null;
    }

    private async Task SendAsync(Randomizer random, Customer customer, string text, string? order, Instant dayStart, CareActivity activity, CancellationToken cancellationToken)
    {
        var channel = PickChannel(random);
        var handle = channel switch
        {
            ComplaintChannel.Email or ComplaintChannel.ContactForm => customer.Email?.Value,
            ComplaintChannel.Phone => customer.Phone?.Value,
            ComplaintChannel.Twitter or ComplaintChannel.Facebook or ComplaintChannel.ComplaintSite => "@" + customer.Name.GivenName.ToLower(TurkishCulture) + customer.Id.Value[^3..],
            _ => customer.Name.FullName,
        };
        await _intake.ReceiveAsync(new ComplaintSubmission
        {
            Channel = channel,
            SourceReference = NextReference(channel.ToString()),
            AuthorHandle = handle,
            Email = channel is ComplaintChannel.Email or ComplaintChannel.ContactForm ? customer.Email?.Value : null,
            Phone = channel == ComplaintChannel.Phone ? customer.Phone?.Value : null,
            CustomerId = channel == ComplaintChannel.LiveChat ? customer.Id.Value : null,
            // Public posts name the order only half the time; the rest must be matched some other way, or not at all.
            OrderNumber = order is not null && (channel is not (ComplaintChannel.Twitter or ComplaintChannel.Facebook or ComplaintChannel.ComplaintSite) || random.Bool(0.5f)) ? order : null,
            Text = text,
            WrittenAt = dayStart + Duration.FromMinutes(random.Int(7 * 60, 21 * 60)),
        }, cancellationToken).ConfigureAwait(false);
        activity.ComplaintsSent++;
    }

    private async Task StaffAsync(Randomizer random, Instant now, CareActivity activity, CancellationToken cancellationToken)
    {
        var open = await _store.ListAsync(
            new Specification<Complaint>(q => q.Where(c => c.Status != ComplaintStatus.Closed)),
            cancellationToken).ConfigureAwait(false);
        foreach (var complaint in open.OrderBy(c => c.ReceivedAt).ThenBy(SeededOrder, StringComparer.Ordinal))
        {
            var staff = complaint.AssignedTo ?? "destek";
            switch (complaint.Status)
            {
                case ComplaintStatus.New or ComplaintStatus.Acknowledged or ComplaintStatus.Reopened when random.Bool(0.85f):
                    await _complaints.RecordReplyAsync(complaint.Id, staff, cancellationToken).ConfigureAwait(false);
                    activity.Replies++;
                    break;
                case ComplaintStatus.InProgress:
                    var roll = random.Double();
                    if (roll < 0.25)
                    {
                        await _complaints.MoveAsync(complaint.Id, ComplaintStatus.WaitingForCustomer, staff, "asked for a photo of the parcel", cancellationToken).ConfigureAwait(false);
                    }
                    else if (roll < 0.75)
                    {
                        await _complaints.MoveAsync(complaint.Id, ComplaintStatus.Resolved, staff, null, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case ComplaintStatus.WaitingForCustomer when random.Bool(0.6f):
                    await _complaints.RecordCustomerReplyAsync(complaint.Id, cancellationToken).ConfigureAwait(false);
                    break;
                case ComplaintStatus.Resolved when complaint.ResolvedAt < now - Duration.FromDays(3):
                    if (random.Bool(0.04f))
                    {
                        await _complaints.RecordCustomerReplyAsync(complaint.Id, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await _complaints.MoveAsync(complaint.Id, ComplaintStatus.Closed, staff, null, cancellationToken).ConfigureAwait(false);
                    }

                    break;
            }
        }
    }

    private async Task SurveysAsync(Randomizer random, Instant now, CareActivity activity, CancellationToken cancellationToken)
    {
        // Claimed in batches whose make-up follows the library's random survey ids, so every batch is taken first and
        // the answers are drawn in order of the orders: otherwise the same seed answered different surveys each run.
        var invitations = new List<SurveyInvitation>();
        SurveySendResult sent;
        do
        {
            sent = await _surveys.SendDueAsync(now, cancellationToken).ConfigureAwait(false);
            invitations.AddRange(sent.Invitations);
        }
        while (sent.Claimed > 0);

        activity.SurveysSent += invitations.Count;
        invitations.Sort(static (a, b) => string.CompareOrdinal(a.OrderId.Value, b.OrderId.Value) is var byOrder and not 0 ? byOrder : a.Kind.CompareTo(b.Kind));
        foreach (var invitation in invitations)
        {
            if (!random.Bool(0.45f))
            {
                continue;
            }

            var broken = _recoveries.WasBroken("order:" + invitation.OrderId.Value);
            var score = invitation.Kind == SurveyKind.Nps
                ? (broken ? random.Int(0, 7) : Weighted.Pick(random, (10, 30), (9, 25), (8, 20), (7, 10), (6, 5), (5, 4), (3, 3), (0, 3)))
                : (broken ? Weighted.Pick(random, (1, 25), (2, 30), (3, 25), (4, 15), (5, 5)) : Weighted.Pick(random, (1, 3), (2, 5), (3, 12), (4, 35), (5, 45)));
            var low = invitation.Kind == SurveyKind.Nps ? score <= 6 : score <= 2;
            var comment = low ? Voices.LowScoreComments[random.Int(0, Voices.LowScoreComments.Length - 1)] : null;
            await _surveys.RecordAnswerAsync(invitation.SurveyId, score, comment, now, cancellationToken).ConfigureAwait(false);
            activity.SurveysAnswered++;
        }
    }

    // A survey's complaint is named after the survey's random id; its order and question are what the seed decides.
    private static string SeededOrder(Complaint complaint) => complaint.Channel == ComplaintChannel.Survey
        ? string.Concat("survey:", complaint.OrderId?.Value, " ", complaint.Title)
        : complaint.SourceReference;

    private static ComplaintChannel PickChannel(Randomizer random) => Weighted.Pick(random, Channels);

    private string NextReference(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix.ToLowerInvariant()}-{++_sequence:D6}");
}
