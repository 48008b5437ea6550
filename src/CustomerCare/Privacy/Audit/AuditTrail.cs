using CustomerCare.Privacy.Redaction;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Privacy.Audit;

/// <summary>
/// What the rest of the library calls to audit an action: stamps it with the clock, masks any personal data that
/// slipped into the details, and appends it to the <see cref="IAuditLog"/>.
/// </summary>
/// <remarks>Thread-safe. Registered by <c>AddCustomerCare</c>; consent, erasure, export and breach code call it.</remarks>
public sealed class AuditTrail
{
    /// <summary>The actor of what the library does by itself.</summary>
    public const string System = "system";

    private const int PageSize = 500;
    private readonly IAuditLog _log;
    private readonly IClock _clock;
    private readonly ITextRedactor _redactor;

    /// <summary>Creates the trail.</summary>
    /// <param name="log">The log.</param>
    /// <param name="clock">The clock entries are stamped with.</param>
    /// <param name="redactor">Masks personal data in the details.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public AuditTrail(IAuditLog log, IClock clock, ITextRedactor redactor)
    {
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
    }

    /// <summary>Records an action now.</summary>
    /// <param name="actor">Who did it: a staff id, or <see cref="System"/>.</param>
    /// <param name="kind">What kind of action.</param>
    /// <param name="subject">What it was done to, by id: <c>complaint:CMP-7KQ2</c>, <c>customer:c-42</c>, <c>breach:B-1</c>.</param>
    /// <param name="details">What was done, without personal data; what looks like personal data is masked.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The sealed entry.</returns>
    /// <exception cref="FieldValidationException">The actor or subject is blank, too long or malformed, or the details are too long.</exception>
    public ValueTask<AuditEntry> RecordAsync(string actor, AuditActionKind kind, string subject, string details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var record = new AuditRecord(_clock.GetCurrentInstant(), actor, kind, subject, _redactor.Redact(details));
        return _log.AppendAsync(record, cancellationToken);
    }

    /// <summary>Reads the whole log, page by page, and verifies its chain.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Valid, or the first broken sequence number and why.</returns>
    public async ValueTask<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var state = new AuditVerification(true, 0, null, null);
        long checkedCount = 0;
        while (true)
        {
            var page = await _log.ReadAsync(state.NextSequence, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return state with { EntriesChecked = checkedCount };
            }

            state = AuditChain.Verify(page, state.NextSequence, state.LastHash);
            checkedCount += state.EntriesChecked;
            if (!state.IsValid)
            {
                return state with { EntriesChecked = checkedCount };
            }
        }
    }
}
