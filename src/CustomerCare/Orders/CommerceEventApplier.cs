using System.Globalization;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Orders;

/// <summary>
/// Applies one <see cref="CommerceEvent"/> to a customer and, for order events, to the order: a pure function with no
/// I/O, the single place where the rules of the order life live.
/// </summary>
/// <remarks>
/// Idempotency by event identifier is the caller's concern (<see cref="CustomerEventProcessor"/> and the store's
/// ledger); this type only decides what one event does. It is thread-safe.
/// </remarks>
public static class CommerceEventApplier
{
    /// <summary>Applies an event.</summary>
    /// <param name="customer">The customer's current state, or <see langword="null"/> when the store does not know them.</param>
    /// <param name="order">The order's current state for order events other than <see cref="OrderPlaced"/>; otherwise <see langword="null"/>.</param>
    /// <param name="commerceEvent">The event.</param>
    /// <returns>The next states, or a rejection that names the field and value at fault.</returns>
    public static EventTransition Apply(Customer? customer, Order? order, CommerceEvent commerceEvent)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        if (commerceEvent is CustomerRegistered registered)
        {
            return EventTransition.To(Register(customer, registered.Profile, registered.OccurredAt));
        }

        if (customer is null)
        {
            return Reject(EventRejectionCodes.UnknownCustomer, "customer_id", commerceEvent.CustomerId.Value, "is not a known customer; register the customer first");
        }

        return commerceEvent switch
        {
            OrderPlaced placed => Place(customer, order, placed),
            ReviewPosted review => Review(customer, review),
            OrderShipped or OrderDelivered or OrderCancelled or OrderReturned => ChangeOrder(customer, order, commerceEvent),
            _ => throw new ArgumentException($"Unknown event type {commerceEvent.GetType().Name}.", nameof(commerceEvent)),
        };
    }

    /// <summary>The order identifier an event refers to, when it refers to one.</summary>
    /// <param name="commerceEvent">The event.</param>
    /// <returns>The order identifier, or <see langword="null"/>.</returns>
    public static OrderId? OrderOf(CommerceEvent commerceEvent) => commerceEvent switch
    {
        OrderPlaced e => e.OrderId,
        OrderShipped e => e.OrderId,
        OrderDelivered e => e.OrderId,
        OrderCancelled e => e.OrderId,
        OrderReturned e => e.OrderId,
        _ => null,
    };

    private static Customer Register(Customer? existing, Customer profile, Instant at) => existing is null
        ? profile with { Version = 0, BirthdaySetAt = profile.BirthdaySetAt ?? (profile.Birthday is null ? null : at) }
        : profile with
        {
            SignedUpAt = existing.SignedUpAt,
            Stats = existing.Stats,
            Engagement = existing.Engagement,
            Version = existing.Version,
            // The consent snapshot belongs to the consent ledger (ConsentService); a profile update never overwrites it.
            Consents = existing.Consents,
            // A changed birthday restarts the anti-gaming wait; an unchanged one keeps its date.
            BirthdaySetAt = profile.Birthday == existing.Birthday ? existing.BirthdaySetAt : profile.BirthdaySetAt ?? at,
        };

    private static EventTransition Place(Customer customer, Order? existing, OrderPlaced placed)
    {
        if (existing is not null)
        {
            return Reject(EventRejectionCodes.OrderExists, "order_id", placed.OrderId.Value, "was already placed by another event");
        }

        if (placed.Total.Currency != customer.Stats.TotalSpend.Currency)
        {
            return Reject(EventRejectionCodes.CurrencyMismatch, "total", placed.Total.ToString(), $"is not in the store currency {customer.Stats.TotalSpend.Currency.Code}");
        }

        if (placed.Total.IsNegative)
        {
            return Reject(EventRejectionCodes.OutOfRange, "total", placed.Total.ToString(), "must not be negative");
        }

        var order = new Order(placed.OrderId, placed.CustomerId, placed.OccurredAt, placed.Total)
        {
            Lines = placed.Lines,
            PromisedDeliveryDate = placed.PromisedDeliveryDate,
        };
        var categories = placed.Lines.Where(l => l.Category is not null).Select(l => (l.Category!, l.Quantity));
        var next = customer with
        {
            Stats = customer.Stats.WithOrderPlaced(placed.Total, placed.OccurredAt),
            Engagement = placed.Lines.IsDefaultOrEmpty ? customer.Engagement : customer.Engagement.WithCategoryPurchases(categories),
        };
        return EventTransition.To(next, order);
    }

    private static EventTransition Review(Customer customer, ReviewPosted review)
    {
        if (review.Rating is < 1 or > 5)
        {
            return Reject(EventRejectionCodes.OutOfRange, "rating", review.Rating.ToString(CultureInfo.InvariantCulture), "must be between 1 and 5");
        }

        var engagement = customer.Engagement with { ReviewCount = customer.Engagement.ReviewCount + 1 };
        return EventTransition.To(customer with { Engagement = engagement });
    }

    private static EventTransition ChangeOrder(Customer customer, Order? order, CommerceEvent change)
    {
        var orderId = OrderOf(change)!.Value;
        if (order is null)
        {
            return Reject(EventRejectionCodes.UnknownOrder, "order_id", orderId.Value, "is not a known order; it must be placed first");
        }

        if (order.CustomerId != customer.Id)
        {
            return Reject(EventRejectionCodes.CustomerMismatch, "customer_id", change.CustomerId.Value, $"does not own order '{order.Id}'");
        }

        return change switch
        {
            OrderShipped e => Move(customer, order, OrderStatus.Shipped, "order_shipped", order.Status == OrderStatus.Placed, order with { Status = OrderStatus.Shipped, ShippedAt = e.OccurredAt }),
            OrderDelivered e => Move(customer, order, OrderStatus.Delivered, "order_delivered", order.Status is OrderStatus.Placed or OrderStatus.Shipped, order with { Status = OrderStatus.Delivered, DeliveredAt = e.OccurredAt }),
            OrderCancelled e => Cancel(customer, order, e),
            OrderReturned e => Return(customer, order, e),
            _ => throw new ArgumentException($"Unknown order event {change.GetType().Name}.", nameof(change)),
        };
    }

    private static EventTransition Move(Customer customer, Order order, OrderStatus target, string kind, bool allowed, Order next) => allowed
        ? EventTransition.To(customer, next)
        : RejectTransition(order, target, kind);

    private static EventTransition Cancel(Customer customer, Order order, OrderCancelled cancelled)
    {
        if (order.Status is not (OrderStatus.Placed or OrderStatus.Shipped))
        {
            return RejectTransition(order, OrderStatus.Cancelled, "order_cancelled");
        }

        var next = order with { Status = OrderStatus.Cancelled, CancelledAt = cancelled.OccurredAt };
        return EventTransition.To(customer with { Stats = customer.Stats.WithOrderCancelled(order.NetTotal) }, next);
    }

    private static EventTransition Return(Customer customer, Order order, OrderReturned returned)
    {
        if (order.Status is not (OrderStatus.Delivered or OrderStatus.PartiallyReturned))
        {
            return RejectTransition(order, OrderStatus.Returned, "order_returned");
        }

        if (returned.Refund.Currency != order.Total.Currency)
        {
            return Reject(EventRejectionCodes.CurrencyMismatch, "refund", returned.Refund.ToString(), $"is not in the order currency {order.Total.Currency.Code}");
        }

        if (returned.Refund.Amount <= 0m || returned.Refund > order.NetTotal)
        {
            return Reject(EventRejectionCodes.OutOfRange, "refund", returned.Refund.ToString(), $"must be more than zero and at most what the order still counts for ({order.NetTotal})");
        }

        var refunded = order.RefundedTotal + returned.Refund;
        var next = order with
        {
            RefundedTotal = refunded,
            LastReturnAt = returned.OccurredAt,
            Status = refunded >= order.Total ? OrderStatus.Returned : OrderStatus.PartiallyReturned,
        };
        return EventTransition.To(customer with { Stats = customer.Stats.WithReturn(returned.Refund) }, next);
    }

    private static EventTransition RejectTransition(Order order, OrderStatus target, string kind) =>
        Reject(EventRejectionCodes.InvalidTransition, "status", order.Status.ToString(), $"of order '{order.Id}' does not allow {kind} (to {target})");

    private static EventTransition Reject(string code, string field, string? value, string reason) =>
        EventTransition.Rejected(new EventRejection(code, field, value, FieldErrors.Create(field, value, code, reason).Message));
}
