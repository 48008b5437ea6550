using CustomerCare.Coupons.Codes;
using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Campaigns.ThankYou;

/// <summary>
/// Thanks a customer for an order with a coupon for the next one, once per order, when the order is delivered: it
/// reacts to <see cref="OrderDelivered"/> as an <see cref="ICommerceEventObserver"/>.
/// </summary>
/// <remarks>
/// The ledger period is <see cref="PeriodOf"/> the order, so each delivered order earns one coupon and a redelivered
/// or replayed event none. Thread-safe.
/// </remarks>
public sealed class ThankYouCampaign : ICommerceEventObserver
{
    private readonly ICustomerStore _customers;
    private readonly IClock _clock;
    private readonly ThankYouCampaignOptions _options;
    private readonly CampaignIssuer _issuer;

    /// <summary>Creates the campaign.</summary>
    /// <param name="customers">The customer store, for the consent.</param>
    /// <param name="ledger">The campaign ledger.</param>
    /// <param name="codes">The code generator.</param>
    /// <param name="clock">The clock the coupon's validity starts from.</param>
    /// <param name="options">The settings.</param>
    /// <param name="observers">Told of every coupon given, such as the notifications that send it; none by default.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    public ThankYouCampaign(ICustomerStore customers, ICampaignLedger ledger, CouponCodeGenerator codes, IClock clock, ThankYouCampaignOptions options, IEnumerable<ICampaignObserver>? observers = null)
    {
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _issuer = new CampaignIssuer(ledger, codes, new CouponCodePattern(_options.CodePrefix), _options.CampaignId, _options.Notification, observers);
    }

    /// <summary>The campaign identifier.</summary>
    public string Id => _options.CampaignId;

    /// <summary>The ledger period of an order's thank-you.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns><c>order:</c> and the order identifier.</returns>
    public static string PeriodOf(OrderId orderId) => "order:" + orderId.Value;

    /// <summary>Issues the thank-you coupon when an order is delivered.</summary>
    /// <param name="commerceEvent">The committed event; anything but <see cref="OrderDelivered"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the coupon is recorded.</returns>
    public async ValueTask OnCommittedAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        if (commerceEvent is not OrderDelivered delivered)
        {
            return;
        }

        if (_options.RequireConsent)
        {
            var customer = await _customers.FindAsync(delivered.CustomerId, cancellationToken).ConfigureAwait(false);
            if (customer is null || !_options.ConsentAdmits(customer))
            {
                return;
            }
        }

        var now = _clock.GetCurrentInstant();
        await _issuer.IssueAsync(
                _options.CouponDefinitionId, delivered.CustomerId, PeriodOf(delivered.OrderId), now, now, now + _options.ValidFor, cancellationToken).ConfigureAwait(false);
    }
}
