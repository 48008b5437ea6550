using System.Globalization;
using System.Runtime.CompilerServices;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Privacy.Audit;
using CustomerCare.Segments;
using CustomerCare.Segments.Rules;
using CustomerCare.Storage;
using CustomerCare.Templates;
using NodaTime;

namespace CustomerCare.Privacy.Breach;

/// <summary>
/// Records personal-data breaches and tells every affected customer at once: one <see cref="TemplateKind.BreachNotice"/>
/// each, in the customer's locale, through the outbox at <see cref="NoticePriority"/>, as a
/// <see cref="MessageKind.Transactional"/> message (quiet hours and marketing consent do not hold it back).
/// </summary>
/// <remarks>
/// <para><b>Idempotent and resumable.</b> A notice's outbox id is <c>breach/{breach}/{customer}/{channel}</c> (hashed
/// by <see cref="NotificationComposer.MessageId"/> when too long), so a
/// rerun, or a run after a crash, queues only the notices that are missing and records the evidence of the rest.</para>
/// <para><b>Batched.</b> Customers are streamed from the store and their evidence written
/// <see cref="BatchSize"/> at a time.</para>
/// <para>Every breach recorded and every run is written to the <see cref="AuditTrail"/>. Thread-safe.</para>
/// </remarks>
public sealed class BreachNotifier
{
    /// <summary>The outbox priority of a breach notice: above every other message the library sends.</summary>
    public const int NoticePriority = 1000;

    /// <summary>How many customers' evidence is written per batch.</summary>
    public const int BatchSize = 500;

    private const int MaxUnreachableListed = 1000;
    private readonly IBreachRegister _register;
    private readonly ICustomerStore _customers;
    private readonly NotificationComposer _composer;
    private readonly IOutboxStore _outbox;
    private readonly AuditTrail _audit;
    private readonly IClock _clock;

    /// <summary>Creates the notifier.</summary>
    /// <param name="register">The breach register.</param>
    /// <param name="customers">The customer store the affected customers are read from.</param>
    /// <param name="composer">Renders and queues the notices.</param>
    /// <param name="outbox">The outbox, for the delivery status and for notices queued by an earlier run.</param>
    /// <param name="audit">The audit trail.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public BreachNotifier(IBreachRegister register, ICustomerStore customers, NotificationComposer composer, IOutboxStore outbox, AuditTrail audit, IClock clock)
    {
        _register = register ?? throw new ArgumentNullException(nameof(register));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _composer = composer ?? throw new ArgumentNullException(nameof(composer));
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Records a breach and audits it.</summary>
    /// <param name="breach">The breach.</param>
    /// <param name="actor">Who records it, such as the data protection officer's staff id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="false"/> when a breach with its id was recorded before (nothing written or audited).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="breach"/> is <see langword="null"/>.</exception>
    public async ValueTask<bool> RecordAsync(DataBreach breach, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breach);
        if (!await _register.RecordAsync(breach, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var affected = breach.Affected.SegmentRule is null
            ? string.Create(CultureInfo.InvariantCulture, $"{breach.Affected.CustomerIds.Count} listed customers")
            : "the customers of a segment rule";
        await _audit.RecordAsync(actor, AuditActionKind.Breach, "breach:" + breach.Id,
            $"recorded; categories {string.Join(", ", breach.DataCategories)}; affected: {affected}; authority deadline {breach.DeadlineAt}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Records that the authority was told, and audits it.</summary>
    /// <param name="breachId">The breach.</param>
    /// <param name="actor">Who told the authority.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="false"/> when there is no such breach or it was recorded before.</returns>
    public async ValueTask<bool> MarkAuthorityNotifiedAsync(string breachId, string actor, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        if (!await _register.MarkAuthorityNotifiedAsync(breachId, now, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await _audit.RecordAsync(actor, AuditActionKind.Breach, "breach:" + breachId, "authority notified", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Queues a breach notice for every affected customer who has none yet, and records the evidence.</summary>
    /// <param name="breachId">The breach.</param>
    /// <param name="actor">Who runs it; <see cref="AuditTrail.System"/> by default.</param>
    /// <param name="cancellationToken">Cancels the run; what was queued stays queued, and a rerun goes on from there.</param>
    /// <returns>What the run did.</returns>
    /// <exception cref="KeyNotFoundException">No such breach.</exception>
    /// <exception cref="TemplateException">The breach notice template failed to render.</exception>
    public async ValueTask<BreachNotificationRun> NotifyAsync(string breachId, string actor = AuditTrail.System, CancellationToken cancellationToken = default)
    {
        var breach = await _register.FindAsync(breachId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Breach '{breachId}' is not recorded.");
        var startedAt = _clock.GetCurrentInstant();
        long affected = 0, queued = 0, already = 0;
        var unreachable = new List<CustomerId>();
        var unreachableCount = 0L;
        var batch = new List<BreachNotification>(BatchSize);
        await foreach (var (id, customer) in AffectedAsync(breach, cancellationToken).ConfigureAwait(false))
        {
            affected++;
            var result = customer is null ? null : await _composer.SendAsync(customer, Notice(breach, customer), cancellationToken).ConfigureAwait(false);
            if (result is null || result.MessageId is null || result.Outcome is NoticeOutcome.NoChannel or NoticeOutcome.Refused)
            {
                unreachableCount++;
                if (unreachable.Count < MaxUnreachableListed)
                {
                    unreachable.Add(id);
                }

                continue;
            }

            Instant queuedAt;
            if (result.Outcome == NoticeOutcome.Queued)
            {
                queued++;
                queuedAt = _clock.GetCurrentInstant();
            }
            else
            {
                already++;
                queuedAt = (await _outbox.FindAsync(result.MessageId, cancellationToken).ConfigureAwait(false))?.EnqueuedAt ?? _clock.GetCurrentInstant();
            }

            batch.Add(new BreachNotification(breach.Id, id, result.MessageId, queuedAt));
            if (batch.Count == BatchSize)
            {
                await _register.RecordNotificationsAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await _register.RecordNotificationsAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var run = new BreachNotificationRun(breach.Id, affected, queued, already, unreachable, startedAt, _clock.GetCurrentInstant());
        await _audit.RecordAsync(actor, AuditActionKind.Breach, "breach:" + breach.Id,
            string.Create(CultureInfo.InvariantCulture, $"notification run: {affected} affected, {queued} queued, {already} already queued, {unreachableCount} unreachable"), cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>Reads a page of the evidence: who was notified and when, with the delivery status from the outbox.</summary>
    /// <param name="breachId">The breach.</param>
    /// <param name="afterCustomer">The last customer of the previous page, or <see langword="null"/>.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The evidence, by customer id.</returns>
    public async ValueTask<IReadOnlyList<BreachNotificationEvidence>> EvidenceAsync(string breachId, CustomerId? afterCustomer = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var page = await _register.NotificationsAsync(breachId, afterCustomer, limit, cancellationToken).ConfigureAwait(false);
        var evidence = new List<BreachNotificationEvidence>(page.Count);
        foreach (var notification in page)
        {
            var message = await _outbox.FindAsync(notification.MessageId, cancellationToken).ConfigureAwait(false);
            evidence.Add(new BreachNotificationEvidence(notification, message?.Status, message?.SentAt, message?.Attempts ?? 0, message?.LastError));
        }

        return evidence;
    }

    /// <summary>The notice of a breach, keyed by breach and customer so the outbox id is the same on every run.</summary>
    private static Notice Notice(DataBreach breach, Customer customer)
    {
        var text = breach.NoticeFor(customer.Locale);
        return new Notice(
            "breach/" + breach.Id + "/" + customer.Id.Value,
            TemplateKind.BreachNotice,
            MessageKind.Transactional,
            model => model
                .Date("incident_date", breach.OccurredAt.InZone(customer.TimeZone).Date)
                .Date("discovered_date", breach.DetectedAt.InZone(customer.TimeZone).Date)
                .List("data_categories", text.DataCategories)
                .Text("consequences", text.Consequences)
                .List("actions_taken", text.ActionsTaken)
                .List("customer_steps", text.CustomerSteps)
                .Text("contact_email", text.ContactEmail))
        {
            Priority = NoticePriority,
        };
    }

    private async IAsyncEnumerable<(CustomerId Id, Customer? Customer)> AffectedAsync(DataBreach breach, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (breach.Affected.SegmentRule is { } rule)
        {
            var specification = new SegmentSpecification(SegmentRule.Parse(rule), breach.DetectedAt);
            await foreach (var customer in _customers.StreamAsync(specification, cancellationToken).ConfigureAwait(false))
            {
                yield return (customer.Id, customer);
            }

            yield break;
        }

        foreach (var id in breach.Affected.CustomerIds)
        {
            yield return (id, await _customers.FindAsync(id, cancellationToken).ConfigureAwait(false));
        }
    }
}
