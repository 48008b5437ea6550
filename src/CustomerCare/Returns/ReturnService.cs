using CustomerCare.Coupons;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Returns;

/// <summary>
/// Checks return, exchange and warranty requests against the policy and answers each with a typed reason (seeds 003,
/// 004: easy, fast, fair and transparent). An accepted return gives the order's coupon uses back.
/// </summary>
/// <remarks>
/// Windows count calendar days from the delivery date in the customer's own zone, last day included. The company's own
/// mistakes (damaged, wrong item, defective, not as described) are never refused for an opened seal or an excluded
/// category, and pay no fee. Thread-safe.
/// </remarks>
public sealed class ReturnService
{
    private readonly ICustomerStore _customers;
    private readonly CouponService _coupons;
    private readonly IClock _clock;
    private readonly ReturnPolicyOptions _policy;
    private readonly IReturnObserver[] _observers;

    /// <summary>Creates the service.</summary>
    /// <param name="customers">The customer store, for orders and zones.</param>
    /// <param name="coupons">The coupon service, to give coupon uses back.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="policy">The return rules.</param>
    /// <param name="observers">Told about every decision of <see cref="RequestAsync"/>.</param>
    /// <exception cref="FieldValidationException">The rules are invalid.</exception>
    public ReturnService(ICustomerStore customers, CouponService coupons, IClock clock, ReturnPolicyOptions policy, IEnumerable<IReturnObserver> observers)
    {
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _coupons = coupons ?? throw new ArgumentNullException(nameof(coupons));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _policy.Validate();
        _observers = [.. observers ?? throw new ArgumentNullException(nameof(observers))];
    }

    /// <summary>Decides a request without acting on it: what the customer would be told.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="FieldValidationException">The request's kind or reason is not defined.</exception>
    public async ValueTask<ReturnDecision> CheckAsync(ReturnRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var now = _clock.GetCurrentInstant();
        var order = await _customers.FindOrderAsync(request.OrderId, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return Refuse(request, ReturnRefusal.UnknownOrder, null, now);
        }

        if (order.CustomerId != request.CustomerId)
        {
            return Refuse(request, ReturnRefusal.NotTheCustomersOrder, null, now);
        }

        if (order.DeliveredAt is not { } deliveredAt || order.Status == OrderStatus.Cancelled)
        {
            return Refuse(request, ReturnRefusal.NotDelivered, null, now);
        }

        if (order.Status == OrderStatus.Returned && request.Kind == ReturnKind.Return)
        {
            return Refuse(request, ReturnRefusal.AlreadyReturned, null, now);
        }

        var zone = (await _customers.FindAsync(order.CustomerId, cancellationToken).ConfigureAwait(false))?.TimeZone ?? TimeZones.Istanbul;
        var delivered = deliveredAt.InZone(zone).Date;
        var lastDay = request.Kind switch
        {
            ReturnKind.Return => delivered.PlusDays(_policy.ReturnWindowDays),
            ReturnKind.Exchange => delivered.PlusDays(_policy.ExchangeWindowDays),
            _ => delivered.PlusMonths(_policy.WarrantyMonths),
        };
        var refusal = RefusalOf(request, now.InZone(zone).Date, lastDay);
        var fee = refusal == ReturnRefusal.None && request.Kind == ReturnKind.Return && !_policy.FeeWaivedFor.Contains(request.Reason) ? _policy.ReturnFee : null;
        return new ReturnDecision(request, refusal, fee, lastDay, now);
    }

    /// <summary>Decides a request and acts on it: an accepted return gives the order's coupon uses back; observers are told either way.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="FieldValidationException">The request's kind or reason is not defined.</exception>
    public async ValueTask<ReturnDecision> RequestAsync(ReturnRequest request, CancellationToken cancellationToken = default)
    {
        var decision = await CheckAsync(request, cancellationToken).ConfigureAwait(false);
        if (decision.Accepted && request.Kind == ReturnKind.Return)
        {
            await _coupons.ReleaseOrderAsync(request.OrderId, cancellationToken).ConfigureAwait(false);
        }

        foreach (var observer in _observers)
        {
            await observer.OnDecidedAsync(decision, cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    private ReturnRefusal RefusalOf(ReturnRequest request, LocalDate today, LocalDate lastDay)
    {
        if (today > lastDay)
        {
            return ReturnRefusal.WindowClosed;
        }

        if (request.Kind == ReturnKind.Warranty)
        {
            return request.Reason == ReturnReason.Defective ? ReturnRefusal.None : ReturnRefusal.NotADefect;
        }

        if (IsCompanyFault(request.Reason))
        {
            return ReturnRefusal.None;
        }

        if (request.Opened && _policy.ChangedMindNeedsUnopened)
        {
            return ReturnRefusal.Opened;
        }

        return request.ProductCategory is { } category && _policy.ExcludedCategories.Any(c => Text.TurkishInvariantComparer.Instance.Equals(c, category))
            ? ReturnRefusal.ExcludedCategory
            : ReturnRefusal.None;
    }

    private static bool IsCompanyFault(ReturnReason reason) =>
        reason is ReturnReason.Damaged or ReturnReason.WrongItem or ReturnReason.Defective or ReturnReason.NotAsDescribed;

    private static ReturnDecision Refuse(ReturnRequest request, ReturnRefusal refusal, LocalDate? lastDay, Instant now) => new(request, refusal, null, lastDay, now);

    private static void Validate(ReturnRequest request)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(request.Kind))
        {
            errors.Add(FieldErrors.Create("kind", request.Kind.ToString(), FieldErrorCodes.Unknown, "is not a return kind: Return, Exchange or Warranty"));
        }

        if (!Enum.IsDefined(request.Reason))
        {
            errors.Add(FieldErrors.Create("reason", request.Reason.ToString(), FieldErrorCodes.Unknown, "is not a return reason"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }
}
