using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Templates;
using NodaTime;

namespace CustomerCare.Notifications.Events;

/// <summary>
/// Tells the customer where the order stands: processing, shipped, delivered, returned (with the refund) and cancelled.
/// Each message is keyed by the event, so a redelivered event sends nothing new.
/// </summary>
/// <remarks>Thread-safe. Registered by <c>AddNotifications</c>.</remarks>
public sealed class OrderStatusNotifier : ICommerceEventObserver
{
    private static readonly Period DefaultDelivery = Period.FromDays(3);
    private readonly NotificationComposer _composer;
    private readonly ICustomerStore _customers;
    private readonly NotificationOptions _options;

    /// <summary>Creates the notifier.</summary>
    /// <param name="composer">Renders and queues the messages.</param>
    /// <param name="customers">Finds the customer and the order.</param>
    /// <param name="options">The carrier and the refund days the messages name.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public OrderStatusNotifier(NotificationComposer composer, ICustomerStore customers, NotificationOptions options)
    {
        _composer = composer ?? throw new ArgumentNullException(nameof(composer));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <inheritdoc/>
    public async ValueTask OnCommittedAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        var orderId = commerceEvent switch
        {
            OrderPlaced e => e.OrderId,
            OrderShipped e => e.OrderId,
            OrderDelivered e => e.OrderId,
            OrderReturned e => e.OrderId,
            OrderCancelled e => e.OrderId,
            _ => (OrderId?)null,
        };
        if (orderId is not { } id
            || await _customers.FindAsync(commerceEvent.CustomerId, cancellationToken).ConfigureAwait(false) is not { } customer
            || await _customers.FindOrderAsync(id, cancellationToken).ConfigureAwait(false) is not { } order)
        {
            return;
        }

        var expected = order.PromisedDeliveryDate ?? order.PlacedAt.InZone(customer.TimeZone).Date + DefaultDelivery;
        var key = $"order/{id}/{commerceEvent.Kind}/{commerceEvent.EventId}";
        var notice = commerceEvent switch
        {
            OrderPlaced => new Notice(key, TemplateKind.OrderProcessing, MessageKind.Transactional, model => model
                .Text("order_number", id.Value).Money("order_total", order.Total).List("items", OrderItems.Of(order)).Date("expected_date", expected)),
            OrderShipped e => new Notice(key, TemplateKind.OrderShipped, MessageKind.Transactional, model => model
                .Text("order_number", id.Value).Text("carrier", NoticeTexts.Carrier(e.Carrier ?? _options.DefaultCarrier, customer.Locale))
                .Text("tracking_number", e.TrackingNumber ?? string.Empty).Text("tracking_url", e.TrackingUrl ?? string.Empty).Date("expected_date", expected)
                .List("items", OrderItems.Of(order))),
            OrderDelivered e => new Notice(key, TemplateKind.OrderDelivered, MessageKind.Transactional, model => model
                .Text("order_number", id.Value).Instant("delivered_at", e.OccurredAt).List("items", OrderItems.Of(order))),
            OrderReturned e => new Notice(key, TemplateKind.OrderReturned, MessageKind.Transactional, model => model
                .Text("order_number", id.Value).Money("refund", e.Refund).Number("refund_days", _options.RefundDays)),
            _ => new Notice(key, TemplateKind.OrderCancelled, MessageKind.Transactional, model => model
                .Text("order_number", id.Value).Money("refund", order.Total).List("items", OrderItems.Of(order))),
        };
        await _composer.SendAsync(customer, notice, cancellationToken).ConfigureAwait(false);
    }
}
