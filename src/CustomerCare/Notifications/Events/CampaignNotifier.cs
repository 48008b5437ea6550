using CustomerCare.Campaigns;
using CustomerCare.Storage;
using CustomerCare.Templates;

namespace CustomerCare.Notifications.Events;

/// <summary>
/// Tells customers of the coupons campaigns give them, with the template each campaign's options name. These are
/// commercial messages: they need consent, wait out quiet hours and respect the frequency cap.
/// </summary>
/// <remarks>
/// A grant heard again (a rerun, a redelivered event) maps to the same outbox id and is not queued twice. Thread-safe.
/// Registered by <c>AddNotifications</c>.
/// </remarks>
public sealed class CampaignNotifier : ICampaignObserver
{
    private readonly NotificationComposer _composer;
    private readonly ICustomerStore _customers;
    private readonly ICouponStore _coupons;

    /// <summary>Creates the notifier.</summary>
    /// <param name="composer">Renders and queues the messages.</param>
    /// <param name="customers">Finds the customer.</param>
    /// <param name="coupons">Finds the coupon and its definition, for the offer.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CampaignNotifier(NotificationComposer composer, ICustomerStore customers, ICouponStore coupons)
    {
        _composer = composer ?? throw new ArgumentNullException(nameof(composer));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _coupons = coupons ?? throw new ArgumentNullException(nameof(coupons));
    }

    /// <inheritdoc/>
    public async ValueTask OnGrantedAsync(CampaignGrantNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var grant = notice.Grant;
        if (notice.Template is not { } template || await _customers.FindAsync(grant.CustomerId, cancellationToken).ConfigureAwait(false) is not { } customer)
        {
            return;
        }

        var coupon = await CouponFacts.LoadAsync(_coupons, grant.Code, customer, cancellationToken).ConfigureAwait(false);
        var lastOrder = customer.Stats.LastOrderAt;
        var message = new Notice($"campaign/{grant.CampaignId}/{grant.CustomerId}/{grant.Period}", template, MessageKind.Commercial, model =>
        {
            coupon.Fill(model);
            switch (template)
            {
                case TemplateKind.WinBack:
                    model.Number("days_since_last_order", lastOrder is { } at ? (int)Math.Floor((grant.GrantedAt - at).TotalDays) : 0);
                    break;
                case TemplateKind.PostPurchaseCoupon:
                    model.Text("order_number", grant.Period.StartsWith("order:", StringComparison.Ordinal) ? grant.Period["order:".Length..] : string.Empty);
                    break;
            }
        });
        await _composer.SendAsync(customer, message, cancellationToken).ConfigureAwait(false);
    }
}
