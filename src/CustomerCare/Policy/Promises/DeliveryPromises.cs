using NodaTime;
using NodaTime.Text;
using CustomerCare.Orders;

namespace CustomerCare.Policy.Promises;

/// <summary>The delivery-promise rules: pure functions of an order, its customer's zone and an instant.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DeliveryPromises
{
    private readonly PromiseOptions _options;
    private readonly DateTimeZone _policyZone;

    /// <summary>Creates the rules.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="FieldValidationException">A setting is invalid.</exception>
    public DeliveryPromises(PromiseOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _policyZone = _options.ResolvedZone;
    }

    /// <summary>Whether sending a wrong item counts as a broken promise (<see cref="PromiseOptions.NoSubstitutionWithoutConsent"/>).</summary>
    public bool WrongItemIsBroken => _options.NoSubstitutionWithoutConsent;

    /// <summary>Whether a delivery at an instant is late for a promised date.</summary>
    /// <param name="promised">The promised date.</param>
    /// <param name="deliveredAt">When it was delivered.</param>
    /// <param name="customerZone">The customer's zone.</param>
    /// <returns><see langword="true"/> when late under <see cref="PromiseOptions.Lateness"/>.</returns>
    public bool IsLate(LocalDate promised, Instant deliveredAt, DateTimeZone customerZone)
    {
        ArgumentNullException.ThrowIfNull(customerZone);
        return _options.Lateness == LatenessBasis.CustomerLocalDate
            ? deliveredAt.InZone(customerZone).Date > promised
            : deliveredAt >= EndOf(promised);
    }

    /// <summary>What an undelivered order's promise looks like at an instant.</summary>
    /// <param name="order">The order.</param>
    /// <param name="now">The instant.</param>
    /// <param name="customerZone">The customer's zone.</param>
    /// <returns>The broken promise kinds due now: none, late, or late and never delivered.</returns>
    public IReadOnlyList<BrokenPromiseKind> OverdueAt(Order order, Instant now, DateTimeZone customerZone)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.PromisedDeliveryDate is not { } promised || order.Status is not (OrderStatus.Placed or OrderStatus.Shipped))
        {
            return [];
        }

        var kinds = new List<BrokenPromiseKind>(2);
        if (_options.DetectLateBeforeDelivery && IsLate(promised, now, customerZone))
        {
            kinds.Add(BrokenPromiseKind.LateDelivery);
        }

        if (IsLate(promised.PlusDays(_options.NeverDeliveredAfterDays), now, customerZone))
        {
            kinds.Add(BrokenPromiseKind.NeverDelivered);
        }

        return kinds;
    }

    /// <summary>Describes a late delivery for the record.</summary>
    internal static string Describe(LocalDate promised, Instant? deliveredAt, DateTimeZone zone) =>
        deliveredAt is { } at
            ? $"promised {LocalDatePattern.Iso.Format(promised)}, delivered {LocalDatePattern.Iso.Format(at.InZone(zone).Date)}"
            : $"promised {LocalDatePattern.Iso.Format(promised)}, not delivered yet";

    private Instant EndOf(LocalDate date) => date.PlusDays(1).AtStartOfDayInZone(_policyZone).ToInstant();
}
