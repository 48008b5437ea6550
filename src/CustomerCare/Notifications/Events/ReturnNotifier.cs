using System.Security.Cryptography;
using System.Text;
using CustomerCare.Returns;
using CustomerCare.Storage;
using CustomerCare.Templates;
using NodaTime;

namespace CustomerCare.Notifications.Events;

/// <summary>
/// Tells the customer what was decided on a return request: approved, with the refund, the last day to hand the parcel
/// over and a return code; or refused, with the reason in words.
/// </summary>
/// <remarks>Thread-safe. Registered by <c>AddNotifications</c>.</remarks>
public sealed class ReturnNotifier : IReturnObserver
{
    private static readonly Period DefaultDropOff = Period.FromDays(14);
    private readonly NotificationComposer _composer;
    private readonly ICustomerStore _customers;
    private readonly NotificationOptions _options;

    /// <summary>Creates the notifier.</summary>
    /// <param name="composer">Renders and queues the messages.</param>
    /// <param name="customers">Finds the customer and the order.</param>
    /// <param name="options">The carrier and the refund days the messages name.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ReturnNotifier(NotificationComposer composer, ICustomerStore customers, NotificationOptions options)
    {
        _composer = composer ?? throw new ArgumentNullException(nameof(composer));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <inheritdoc/>
    public async ValueTask OnDecidedAsync(ReturnDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var request = decision.Request;
        if (await _customers.FindAsync(request.CustomerId, cancellationToken).ConfigureAwait(false) is not { } customer)
        {
            return;
        }

        var order = await _customers.FindOrderAsync(request.OrderId, cancellationToken).ConfigureAwait(false);
        var returnNumber = "RT-" + ShortCode(request.OrderId.Value + "|" + decision.DecidedAt.ToUnixTimeTicks());
        var key = $"return/{request.OrderId}/{decision.DecidedAt.ToUnixTimeTicks()}";
        var notice = decision.Accepted
            ? new Notice(key, TemplateKind.ReturnApproved, MessageKind.Transactional, model =>
            {
                var refund = order is null ? Money.Zero(customer.Stats.TotalSpend.Currency) : order.NetTotal;
                model.Text("order_number", request.OrderId.Value).Text("return_number", returnNumber)
                    .Money("refund", decision.Fee is { } fee ? refund - fee : refund)
                    .Number("refund_days", _options.RefundDays)
                    .Date("drop_off_until", decision.LastDay ?? decision.DecidedAt.InZone(customer.TimeZone).Date + DefaultDropOff)
                    .Text("carrier", NoticeTexts.Carrier(_options.DefaultCarrier, customer.Locale))
                    .Text("return_code", "IADE-" + ShortCode(returnNumber))
                    .List("items", OrderItems.Of(order));
            })
            : new Notice(key, TemplateKind.ReturnRefused, MessageKind.Transactional, model => model
                .Text("order_number", request.OrderId.Value).Text("return_number", returnNumber)
                .Text("reason", NoticeTexts.Refusal(decision.Refusal, customer.Locale)));
        await _composer.SendAsync(customer, notice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Eight letters and digits from a hash: stable for the same input, short enough to read out on the phone.</summary>
    private static string ShortCode(string input) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(input)), 0, 4);
}
