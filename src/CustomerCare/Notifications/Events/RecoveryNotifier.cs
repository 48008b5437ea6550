using CustomerCare.Policy.Compensation;
using CustomerCare.Storage;
using CustomerCare.Templates;

namespace CustomerCare.Notifications.Events;

/// <summary>
/// Sends the apology when a broken promise is recovered: with the coupon and its offer when one was given, without it
/// when the customer's compensation cap was reached. A repeated recovery of the same promise sends nothing new.
/// </summary>
/// <remarks>Thread-safe. Registered by <c>AddNotifications</c>.</remarks>
public sealed class RecoveryNotifier : IServiceRecoveryObserver
{
    private readonly NotificationComposer _composer;
    private readonly ICustomerStore _customers;
    private readonly ICouponStore _coupons;

    /// <summary>Creates the notifier.</summary>
    /// <param name="composer">Renders and queues the messages.</param>
    /// <param name="customers">Finds the customer.</param>
    /// <param name="coupons">Finds the coupon and its definition, for the offer.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RecoveryNotifier(NotificationComposer composer, ICustomerStore customers, ICouponStore coupons)
    {
        _composer = composer ?? throw new ArgumentNullException(nameof(composer));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _coupons = coupons ?? throw new ArgumentNullException(nameof(coupons));
    }

    /// <inheritdoc/>
    public async ValueTask OnRecoveredAsync(RecoveryResult recovery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        var promise = recovery.Promise;
        if (!recovery.IsNew || await _customers.FindAsync(promise.CustomerId, cancellationToken).ConfigureAwait(false) is not { } customer)
        {
            return;
        }

        var coupon = recovery.Coupon is { } grant ? await CouponFacts.LoadAsync(_coupons, grant.Code, customer, cancellationToken).ConfigureAwait(false) : null;
        var order = promise.Subject.StartsWith("order:", StringComparison.Ordinal) ? promise.Subject["order:".Length..] : string.Empty;
        // A broken delivery promise has no complaint record to name; the message then speaks of the order alone.
        var ticket = promise.Subject.StartsWith("complaint:", StringComparison.Ordinal) ? promise.Subject["complaint:".Length..] : string.Empty;
        var notice = new Notice($"recovery/{promise.Subject}/{promise.Kind}", TemplateKind.Apology, MessageKind.Transactional, model =>
        {
            model.Text("ticket", ticket).Text("order_number", order).Bool("has_coupon", coupon is not null).Text("agent_name", string.Empty);
            if (coupon is not null)
            {
                coupon.Fill(model);
            }
            else
            {
                // The template never shows these without a coupon, but its model always has them.
                model.Text("coupon_code", string.Empty).Text("coupon_offer", string.Empty).Date("coupon_expires", promise.DetectedAt.InZone(customer.TimeZone).Date);
            }
        })
        {
            Priority = 2,
        };
        await _composer.SendAsync(customer, notice, cancellationToken).ConfigureAwait(false);
    }
}
