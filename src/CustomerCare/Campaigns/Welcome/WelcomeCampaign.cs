using CustomerCare.Coupons.Codes;
using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Campaigns.Welcome;

/// <summary>
/// Welcomes a first-time visitor who signs up (seed 004) with a coupon, once per customer: it reacts to
/// <see cref="CustomerRegistered"/> as an <see cref="ICommerceEventObserver"/>.
/// </summary>
/// <remarks>
/// The ledger period is <see cref="Period"/>, so a redelivered registration or a replay gives no second coupon; a
/// registration whose first handling failed is handled again when the platform redelivers it. The coupon is valid from
/// when it is issued, not from when the customer signed up, so a late delivery never issues an expired coupon.
/// Thread-safe.
/// </remarks>
public sealed class WelcomeCampaign : ICommerceEventObserver
{
    /// <summary>The ledger period of the one welcome per customer.</summary>
    public const string Period = "welcome";

    private readonly IClock _clock;
    private readonly WelcomeCampaignOptions _options;
    private readonly CampaignIssuer _issuer;

    /// <summary>Creates the campaign.</summary>
    /// <param name="ledger">The campaign ledger.</param>
    /// <param name="codes">The code generator.</param>
    /// <param name="clock">The clock the coupon's validity starts from.</param>
    /// <param name="options">The settings.</param>
    /// <param name="observers">Told of every coupon given, such as the notifications that send it; none by default.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    public WelcomeCampaign(ICampaignLedger ledger, CouponCodeGenerator codes, IClock clock, WelcomeCampaignOptions options, IEnumerable<ICampaignObserver>? observers = null)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _issuer = new CampaignIssuer(ledger, codes, new CouponCodePattern(_options.CodePrefix), _options.CampaignId, _options.Notification, observers);
    }

    /// <summary>The campaign identifier.</summary>
    public string Id => _options.CampaignId;

    /// <summary>Issues the welcome coupon when a customer registers.</summary>
    /// <param name="commerceEvent">The committed event; anything but <see cref="CustomerRegistered"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the coupon is recorded.</returns>
    public async ValueTask OnCommittedAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        if (commerceEvent is not CustomerRegistered registered || !_options.ConsentAdmits(registered.Profile))
        {
            return;
        }

        var now = _clock.GetCurrentInstant();
        await _issuer.IssueAsync(
                _options.CouponDefinitionId, registered.CustomerId, Period, now, now, now + _options.ValidFor, cancellationToken).ConfigureAwait(false);
    }
}
