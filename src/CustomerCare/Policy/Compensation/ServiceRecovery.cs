using CustomerCare.Campaigns.Recovery;
using CustomerCare.Diagnostics;
using CustomerCare.Policy.Promises;
using CustomerCare.Storage;

namespace CustomerCare.Policy.Compensation;

/// <summary>
/// Automatic service recovery (seeds 002, 003): for each broken promise, the apology and the compensation of the
/// policy's matrix, once per subject per kind, within the per-customer caps.
/// </summary>
/// <remarks>
/// The compensation ledger is written first (it decides "once" and "within the cap" atomically), then the coupon is
/// issued through <see cref="ServiceRecoveryIssuer"/>, which is idempotent on its own. A crash between the two is
/// repaired by the next detection of the same promise: the entry is found and the coupon issued. Observers hear about
/// a recovery once, when its entry is first recorded. Thread-safe.
/// </remarks>
public sealed class ServiceRecovery
{
    private readonly ICompensationLedger _ledger;
    private readonly ServiceRecoveryIssuer _issuer;
    private readonly CompensationOptions _options;
    private readonly IServiceRecoveryObserver[] _observers;

    /// <summary>Creates the service.</summary>
    /// <param name="ledger">The compensation ledger.</param>
    /// <param name="issuer">The coupon issuer.</param>
    /// <param name="options">The compensation matrix and caps.</param>
    /// <param name="observers">Told about each new recovery.</param>
    /// <exception cref="FieldValidationException">The matrix is invalid.</exception>
    public ServiceRecovery(ICompensationLedger ledger, ServiceRecoveryIssuer issuer, CompensationOptions options, IEnumerable<IServiceRecoveryObserver> observers)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _issuer = issuer ?? throw new ArgumentNullException(nameof(issuer));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _observers = [.. observers ?? throw new ArgumentNullException(nameof(observers))];
    }

    /// <summary>Recovers from a broken promise.</summary>
    /// <param name="promise">The broken promise.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What was recorded and issued.</returns>
    public async ValueTask<RecoveryResult> RecoverAsync(BrokenPromise promise, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(promise);
        var rule = _options.RuleFor(promise.Kind);
        var wanted = new CompensationEntry(promise.CustomerId, promise.Subject, promise.Kind, promise.DetectedAt, WithCoupon: rule.CouponDefinitionId is not null);
        var (entry, outcome) = await _ledger.RecordAsync(wanted, _options.Caps.MaxPerCustomer, promise.DetectedAt - _options.Caps.Period, cancellationToken).ConfigureAwait(false);
        Campaigns.CampaignGrant? coupon = null;
        if (entry.WithCoupon && rule.CouponDefinitionId is { } definition)
        {
            var issue = await _issuer.IssueAsync(new RecoveryRequest(entry.CustomerId, entry.Subject, BrokenPromise.NameOf(entry.Kind), definition, rule.ValidFor), cancellationToken).ConfigureAwait(false);
            coupon = issue.Grant;
        }

        var result = new RecoveryResult(promise, entry, outcome, coupon);
        if (result.IsNew)
        {
            CustomerCareTelemetry.RecoveriesRecorded.Add(1, new KeyValuePair<string, object?>("kind", promise.KindName));
            foreach (var observer in _observers)
            {
                await observer.OnRecoveredAsync(result, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }
}
