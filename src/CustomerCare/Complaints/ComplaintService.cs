using CustomerCare.Complaints.Lifecycle;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Complaints;

/// <summary>
/// What staff and the library do to a stored complaint: move it through its lifecycle, assign it, correct its
/// category, record replies. Every change appends to the complaint's audit history and is stored with optimistic
/// concurrency, retried on a conflicting write.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ComplaintService
{
    private const int MaxAttempts = 8;
    private readonly IComplaintStore _store;
    private readonly IClock _clock;
    private readonly IComplaintObserver[] _observers;
    private readonly Sla.ComplaintSlaTracker? _sla;
    private readonly Privacy.Audit.AuditTrail? _audit;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The complaint store.</param>
    /// <param name="clock">The clock changes are stamped with.</param>
    /// <param name="observers">Told about status changes after they are stored.</param>
    /// <param name="sla">Keeps the response timers in step with each change; <see langword="null"/> for none.</param>
    /// <param name="audit">Records each staff action (move, assignment, category correction, reply) after it is stored; <see langword="null"/> for none.</param>
    public ComplaintService(IComplaintStore store, IClock clock, IEnumerable<IComplaintObserver> observers, Sla.ComplaintSlaTracker? sla = null, Privacy.Audit.AuditTrail? audit = null)
    {
        _sla = sla;
        _audit = audit;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _observers = [.. observers ?? throw new ArgumentNullException(nameof(observers))];
    }

    /// <summary>Moves a complaint to another status.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="to">The new status.</param>
    /// <param name="actor">Who moves it: a staff identifier, or <see cref="ComplaintHistoryEntry.System"/>.</param>
    /// <param name="note">A note for the history.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored complaint.</returns>
    /// <exception cref="KeyNotFoundException">No such complaint.</exception>
    /// <exception cref="InvalidComplaintTransitionException">The lifecycle does not allow the move; nothing changed.</exception>
    public async ValueTask<Complaint> MoveAsync(ComplaintId id, ComplaintStatus to, string actor, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ComplaintStatus from = default;
        var stored = await ChangeAsync(id, (complaint, now) =>
        {
            from = complaint.Status;
            return Move(complaint, to, actor, now, note);
        }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(actor, id, $"status {from} -> {to}", cancellationToken).ConfigureAwait(false);
        await NotifyAsync(new ComplaintStatusChanged(stored, _clock.GetCurrentInstant(), from, to), cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Assigns a complaint to a team member.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="member">The team member's staff identifier.</param>
    /// <param name="actor">Who assigns it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored complaint.</returns>
    /// <exception cref="KeyNotFoundException">No such complaint.</exception>
    public async ValueTask<Complaint> AssignAsync(ComplaintId id, string member, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(member);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        string? before = null;
        var stored = await ChangeAsync(id, (complaint, now) =>
        {
            before = complaint.AssignedTo;
            return complaint with
            {
                AssignedTo = member,
                History = complaint.History.Add(new ComplaintHistoryEntry(now, actor, ComplaintAction.Assigned, complaint.AssignedTo, member)),
            };
        }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(actor, id, $"assigned {before ?? "(nobody)"} -> {member}", cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Corrects a complaint's category; the correction is kept, and the classifier never overrides it.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="category">The right category.</param>
    /// <param name="actor">The staff member correcting it.</param>
    /// <param name="note">Why, for the history.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored complaint.</returns>
    /// <exception cref="KeyNotFoundException">No such complaint.</exception>
    /// <exception cref="FieldValidationException">The category is not defined.</exception>
    public async ValueTask<Complaint> CorrectCategoryAsync(ComplaintId id, ComplaintCategory category, string actor, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!Enum.IsDefined(category))
        {
            throw FieldValidationException.For("category", category.ToString(), FieldErrorCodes.Unknown, "is not a complaint category");
        }

        ComplaintCategory before = default;
        var stored = await ChangeAsync(id, (complaint, now) =>
        {
            before = complaint.Category;
            return complaint with
            {
                Category = category,
                CategoryCorrectedBy = actor,
                History = complaint.History.Add(new ComplaintHistoryEntry(now, actor, ComplaintAction.CategoryCorrected, complaint.Category.ToString(), category.ToString(), note)),
            };
        }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(actor, id, $"category {before} -> {category}", cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// Records that staff answered the customer: the first answer sets <see cref="Complaint.FirstRespondedAt"/>, and a
    /// complaint nobody had picked up moves to <see cref="ComplaintStatus.InProgress"/>.
    /// </summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The staff member who answered.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored complaint.</returns>
    /// <exception cref="KeyNotFoundException">No such complaint.</exception>
    public async ValueTask<Complaint> RecordReplyAsync(ComplaintId id, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var stored = await ChangeAsync(id, (complaint, now) =>
        {
            var replied = complaint with
            {
                FirstRespondedAt = complaint.FirstRespondedAt ?? now,
                History = complaint.History.Add(new ComplaintHistoryEntry(now, actor, ComplaintAction.Replied, null, null)),
            };
            return complaint.Status is ComplaintStatus.New or ComplaintStatus.Acknowledged or ComplaintStatus.Reopened
                ? Move(replied, ComplaintStatus.InProgress, actor, now, "answered")
                : replied;
        }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(actor, id, "replied to the customer", cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// Records that the customer wrote again: a complaint waiting for them goes back to
    /// <see cref="ComplaintStatus.InProgress"/>, and a resolved or closed one is <see cref="ComplaintStatus.Reopened"/>.
    /// </summary>
    /// <param name="id">The complaint.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored complaint.</returns>
    /// <exception cref="KeyNotFoundException">No such complaint.</exception>
    public async ValueTask<Complaint> RecordCustomerReplyAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        ComplaintStatus from = default;
        var stored = await ChangeAsync(id, (complaint, now) =>
        {
            from = complaint.Status;
            var noted = complaint with { History = complaint.History.Add(new ComplaintHistoryEntry(now, ComplaintHistoryEntry.System, ComplaintAction.CustomerReplied, null, null)) };
            return complaint.Status switch
            {
                ComplaintStatus.WaitingForCustomer => Move(noted, ComplaintStatus.InProgress, ComplaintHistoryEntry.System, now, "the customer answered"),
                ComplaintStatus.Resolved or ComplaintStatus.Closed => Move(noted, ComplaintStatus.Reopened, ComplaintHistoryEntry.System, now, "the customer wrote again"),
                _ => noted,
            };
        }, cancellationToken).ConfigureAwait(false);
        if (stored.Status != from)
        {
            await NotifyAsync(new ComplaintStatusChanged(stored, _clock.GetCurrentInstant(), from, stored.Status), cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>Applies a move to a complaint value, checked against the lifecycle; nothing is stored.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="to">The new status.</param>
    /// <param name="actor">Who moves it.</param>
    /// <param name="at">When.</param>
    /// <param name="note">A note for the history.</param>
    /// <returns>The moved complaint, with one more history entry.</returns>
    /// <exception cref="InvalidComplaintTransitionException">The lifecycle does not allow the move.</exception>
    public static Complaint Move(Complaint complaint, ComplaintStatus to, string actor, Instant at, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (!ComplaintLifecycle.CanMove(complaint.Status, to))
        {
            throw new InvalidComplaintTransitionException(complaint.Id, complaint.Status, to);
        }

        return complaint with
        {
            Status = to,
            ResolvedAt = to == ComplaintStatus.Resolved ? at : complaint.ResolvedAt,
            History = complaint.History.Add(new ComplaintHistoryEntry(at, actor, ComplaintAction.StatusChanged, complaint.Status.ToString(), to.ToString(), note)),
        };
    }

    private async ValueTask<Complaint> ChangeAsync(ComplaintId id, Func<Complaint, Instant, Complaint> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"Complaint {id} does not exist.");
            var now = _clock.GetCurrentInstant();
            var changed = change(current, now);
            changed = _sla?.Apply(current, changed, now) ?? changed;
            if (await _store.UpdateAsync(changed, current.Version, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return stored;
            }
        }

        throw new ConcurrencyException($"Complaint {id} kept changing under {MaxAttempts} attempts to update it.");
    }

    // Notes are left out: staff write free text there, and the audit log keeps no personal data.
    private async ValueTask AuditAsync(string actor, ComplaintId id, string details, CancellationToken cancellationToken)
    {
        if (_audit is not null)
        {
            await _audit.RecordAsync(actor, Privacy.Audit.AuditActionKind.ComplaintStaffAction, "complaint:" + id, details, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask NotifyAsync(ComplaintEvent complaintEvent, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            await observer.OnComplaintEventAsync(complaintEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
