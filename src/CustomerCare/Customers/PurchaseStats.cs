using NodaTime;

namespace CustomerCare.Customers;

/// <summary>
/// A customer's purchase statistics, kept up to date from order events: orders that still stand, net spend, returns
/// and cancellations, and the first and last order instants.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="OrderCount"/> counts placed orders that were not cancelled. <see cref="TotalSpend"/> is net: order totals
/// less cancelled totals and refunds. <see cref="FirstOrderAt"/> and <see cref="LastOrderAt"/> span every order placed,
/// a later cancellation included, since a cancelled order still shows when the customer was last active.
/// </para>
/// <para>The value is immutable; each <c>With…</c> method returns the next state.</para>
/// </remarks>
public readonly record struct PurchaseStats
{
    /// <summary>Creates empty statistics in a currency.</summary>
    /// <param name="currency">The store currency.</param>
    public PurchaseStats(Currency currency)
    {
        TotalSpend = Money.Zero(currency);
        RefundedTotal = Money.Zero(currency);
    }

    /// <summary>Placed orders that were not cancelled.</summary>
    public int OrderCount { get; init; }

    /// <summary>Net spend: placed totals, less cancelled totals and refunds.</summary>
    public Money TotalSpend { get; init; }

    /// <summary>The sum of refunds for returned items.</summary>
    public Money RefundedTotal { get; init; }

    /// <summary>How many return events the customer had.</summary>
    public int ReturnsCount { get; init; }

    /// <summary>How many orders were cancelled.</summary>
    public int CancelledCount { get; init; }

    /// <summary>When the customer placed their first order.</summary>
    public Instant? FirstOrderAt { get; init; }

    /// <summary>When the customer placed their latest order.</summary>
    public Instant? LastOrderAt { get; init; }

    /// <summary>Net spend divided by the number of standing orders, unrounded; zero without orders.</summary>
    public Money AverageOrderValue => OrderCount == 0 ? Money.Zero(TotalSpend.Currency) : TotalSpend with { Amount = TotalSpend.Amount / OrderCount };

    /// <summary>The state after an order is placed.</summary>
    /// <param name="total">The order total, in the statistics' currency.</param>
    /// <param name="placedAt">When it was placed.</param>
    /// <returns>The next state.</returns>
    public PurchaseStats WithOrderPlaced(Money total, Instant placedAt) => this with
    {
        OrderCount = OrderCount + 1,
        TotalSpend = TotalSpend + total,
        FirstOrderAt = FirstOrderAt is { } first && first <= placedAt ? first : placedAt,
        LastOrderAt = LastOrderAt is { } last && last >= placedAt ? last : placedAt,
    };

    /// <summary>The state after an order is cancelled.</summary>
    /// <param name="netOrderTotal">What the order still counted for: its total less refunds already made.</param>
    /// <returns>The next state.</returns>
    public PurchaseStats WithOrderCancelled(Money netOrderTotal) => this with
    {
        OrderCount = OrderCount - 1,
        TotalSpend = TotalSpend - netOrderTotal,
        CancelledCount = CancelledCount + 1,
    };

    /// <summary>The state after items of an order are returned and refunded.</summary>
    /// <param name="refund">The refund.</param>
    /// <returns>The next state.</returns>
    public PurchaseStats WithReturn(Money refund) => this with
    {
        TotalSpend = TotalSpend - refund,
        RefundedTotal = RefundedTotal + refund,
        ReturnsCount = ReturnsCount + 1,
    };
}
