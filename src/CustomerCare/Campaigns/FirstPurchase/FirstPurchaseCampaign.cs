using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Campaigns.FirstPurchase;

/// <summary>
/// Nudges a customer who signed up but has not ordered yet towards a first purchase with a coupon, once per customer,
/// <see cref="FirstPurchaseCampaignOptions.AfterSignUp"/> after signing up.
/// </summary>
/// <remarks>
/// The ledger period is <see cref="Period"/>. A customer is due while their account is between
/// <see cref="FirstPurchaseCampaignOptions.AfterSignUp"/> and <see cref="FirstPurchaseCampaignOptions.MaxAccountAge"/>
/// old and has no order, so a run after downtime still finds them. Thread-safe.
/// </remarks>
public sealed class FirstPurchaseCampaign : ICampaign
{
    /// <summary>The ledger period of the one nudge per customer.</summary>
    public const string Period = "first-purchase";

    private readonly ICustomerStore _customers;
    private readonly FirstPurchaseCampaignOptions _options;
    private readonly CampaignIssuer _issuer;

    /// <summary>Creates the campaign.</summary>
    /// <param name="customers">The customer store.</param>
    /// <param name="ledger">The campaign ledger.</param>
    /// <param name="codes">The code generator.</param>
    /// <param name="options">The settings.</param>
    /// <param name="observers">Told of every coupon given, such as the notifications that send it; none by default.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    public FirstPurchaseCampaign(ICustomerStore customers, ICampaignLedger ledger, CouponCodeGenerator codes, FirstPurchaseCampaignOptions options, IEnumerable<ICampaignObserver>? observers = null)
    {
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _issuer = new CampaignIssuer(ledger, codes, new CouponCodePattern(_options.CodePrefix), _options.CampaignId, _options.Notification, observers);
    }

    /// <summary>The campaign identifier.</summary>
    public string Id => _options.CampaignId;

    /// <summary>Issues every first-purchase coupon due at an instant.</summary>
    /// <param name="now">The instant of the run.</param>
    /// <param name="cancellationToken">Cancels the run; what was issued stays issued.</param>
    /// <returns>What the run did.</returns>
    public async ValueTask<CampaignRunResult> RunDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var signedUpFrom = now - _options.MaxAccountAge;
        var signedUpUntil = now - _options.AfterSignUp;
        var due = new WithoutOrderSpecification(signedUpFrom, signedUpUntil);
        var tally = new CampaignTally(Id, now);
        await foreach (var customer in _customers.StreamAsync(due, cancellationToken).ConfigureAwait(false))
        {
            tally.Considered++;
            if (!_options.ConsentAdmits(customer))
            {
                continue;
            }

            var grant = await _issuer.IssueAsync(
                _options.CouponDefinitionId, customer.Id, Period, now, now, now + _options.ValidFor, cancellationToken).ConfigureAwait(false);
            tally.Add(grant);
        }

        return tally.ToResult();
    }
}
