using System.Buffers;
using CustomerCare.Coupons.Codes;
using CustomerCare.Storage;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Campaigns.Recovery;

/// <summary>
/// The issuing side of automatic service recovery: gives a customer the compensation coupon for a broken promise,
/// exactly once per subject (an order, a complaint) per kind, however often the same detection is replayed. The satisfaction policy decides
/// when and what; this only makes the issue safe.
/// </summary>
/// <remarks>
/// The ledger key is (<see cref="CampaignId"/>, customer, <see cref="PeriodOf"/>), written together with the coupon.
/// A recovery is not marketing, so it needs no marketing consent. Thread-safe.
/// </remarks>
public sealed class ServiceRecoveryIssuer
{
    /// <summary>The campaign identifier in the ledger.</summary>
    public const string CampaignId = "service-recovery";

    /// <summary>The longest kind accepted.</summary>
    public const int MaxKindLength = 64;

    private static readonly SearchValues<char> KindSymbols = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_-");
    private readonly ICampaignLedger _ledger;
    private readonly IClock _clock;
    private readonly CampaignIssuer _issuer;

    /// <summary>Creates the issuer.</summary>
    /// <param name="ledger">The campaign ledger.</param>
    /// <param name="codes">The code generator.</param>
    /// <param name="clock">The clock the coupon's validity starts from.</param>
    /// <param name="pattern">The code pattern; by default the standard one prefixed <c>CARE</c>.</param>
    public ServiceRecoveryIssuer(ICampaignLedger ledger, CouponCodeGenerator codes, IClock clock, CouponCodePattern? pattern = null)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _issuer = new CampaignIssuer(ledger, codes, pattern ?? new CouponCodePattern("CARE"), CampaignId);
    }

    /// <summary>The longest subject accepted.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>The ledger period of a subject and kind.</summary>
    /// <param name="subject">The subject, such as <c>order:S-1001</c>.</param>
    /// <param name="kind">The kind of broken promise.</param>
    /// <returns>The subject, <c>/</c> and the kind.</returns>
    public static string PeriodOf(string subject, string kind) => subject + "/" + kind;

    /// <summary>Issues the compensation, or returns the one issued before for the same order and kind.</summary>
    /// <param name="request">What to issue.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The grant, and whether this call issued it.</returns>
    /// <exception cref="FieldValidationException">The kind, the definition or the validity is invalid; each error names the field and the value.</exception>
    public async ValueTask<RecoveryIssue> IssueAsync(RecoveryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var now = _clock.GetCurrentInstant();
        var period = PeriodOf(request.Subject, request.Kind);
        var grant = await _issuer.IssueAsync(
            request.CouponDefinitionId, request.CustomerId, period, now, now, now + request.ValidFor, cancellationToken).ConfigureAwait(false);
        if (grant is not null)
        {
            return new RecoveryIssue(grant, IsNew: true);
        }

        var first = await _ledger.FindGrantAsync(CampaignId, request.CustomerId, period, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The campaign ledger reported a grant for ({CampaignId}, {request.CustomerId}, {period}) but cannot find it; the store breaks its contract.");
        return new RecoveryIssue(first, IsNew: false);
    }

    private static void Validate(RecoveryRequest request)
    {
        var errors = new List<FieldError>();
        if (Identifiers.Check(request.Subject, MaxSubjectLength, "subject") is { } subjectError)
        {
            errors.Add(subjectError);
        }

        if (string.IsNullOrEmpty(request.Kind) || request.Kind.Length > MaxKindLength || request.Kind.AsSpan().ContainsAnyExcept(KindSymbols))
        {
            errors.Add(FieldErrors.Create("kind", request.Kind, FieldErrorCodes.Malformed,
                $"must be 1 to {MaxKindLength} lower-case letters, digits, '_' or '-', such as late_delivery"));
        }

        if (string.IsNullOrWhiteSpace(request.CouponDefinitionId))
        {
            errors.Add(FieldErrors.Create("coupon_definition_id", request.CouponDefinitionId, FieldErrorCodes.Required, "must name a coupon definition"));
        }

        if (request.ValidFor <= Duration.Zero)
        {
            errors.Add(FieldErrors.Create("valid_for", DurationPattern.Roundtrip.Format(request.ValidFor), FieldErrorCodes.OutOfRange, "must be positive"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }
}
