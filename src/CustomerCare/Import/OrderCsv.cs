using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Import;

/// <summary>
/// The <c>orders.csv</c> format: one row per order with its status and the instants of its life. A row is checked on
/// its own here (values, which instants the status needs, their order); the domain rules run later, over all events.
/// </summary>
internal static class OrderCsv
{
    /// <summary>Reads one row; returns <see langword="null"/> when any value was refused (each refusal is reported).</summary>
    /// <param name="row">The row.</param>
    /// <param name="context">The store currency.</param>
    /// <param name="id">The order identifier when it is valid, even if another value was refused.</param>
    /// <param name="customerId">The customer identifier when it is valid, even if another value was refused.</param>
    public static ImportedOrder? Read(CsvRow row, ImportContext context, out OrderId? id, out CustomerId? customerId)
    {
        id = ReadOrderId(row, OrderColumns.OrderId, required: true);
        customerId = CustomerCsv.ReadId(row, OrderColumns.CustomerId);
        var placedAt = row.Instant(OrderColumns.PlacedAt, required: true);
        var currency = ReadCurrency(row, context.Currency);
        var total = currency is { } c ? row.Amount(OrderColumns.Total, c, required: true) : null;
        var status = ReadStatus(row);
        var shippedAt = row.Instant(OrderColumns.ShippedAt);
        var deliveredAt = row.Instant(OrderColumns.DeliveredAt);
        var cancelledAt = row.Instant(OrderColumns.CancelledAt);
        var returnedAt = row.Instant(OrderColumns.ReturnedAt);
        var refund = currency is { } rc ? row.Amount(OrderColumns.Refund, rc) : null;
        if (refund is { Amount: 0m })
        {
            row.Error(OrderColumns.Refund, row.Text(OrderColumns.Refund), FieldErrorCodes.OutOfRange, "must be more than zero");
        }

        var promised = row.Date(OrderColumns.PromisedDeliveryDate);
        var line = ReadLine(row, total);
        if (status is { } s && placedAt is { } placed)
        {
            CheckLife(row, s, placed, shippedAt, deliveredAt, cancelledAt, returnedAt);
        }

        if (row.HasErrors || id is not { } orderId || customerId is not { } owner || placedAt is not { } at || total is not { } amount || status is not { } orderStatus)
        {
            return null;
        }

        return new ImportedOrder(row.Ref, orderId, owner, orderStatus, at, amount)
        {
            ShippedAt = shippedAt,
            DeliveredAt = deliveredAt,
            CancelledAt = cancelledAt,
            ReturnedAt = returnedAt,
            Refund = refund,
            Line = line,
            PromisedDeliveryDate = promised,
        };
    }

    /// <summary>Reads and checks an order identifier column (also used by the reviews format).</summary>
    public static OrderId? ReadOrderId(CsvRow row, string column, bool required)
    {
        var text = required ? row.Required(column) : row.Text(column);
        if (text is null)
        {
            return null;
        }

        if (OrderId.TryFrom(text, out var id, out var error, column))
        {
            return id;
        }

        row.Error(error);
        return null;
    }

    private static Currency? ReadCurrency(CsvRow row, Currency storeCurrency)
    {
        var text = row.Text(OrderColumns.Currency);
        if (text is null)
        {
            return storeCurrency;
        }

        if (!Currency.TryFromCode(text, out var currency, out var error, OrderColumns.Currency))
        {
            row.Error(error);
            return null;
        }

        if (currency != storeCurrency)
        {
            row.Error(OrderColumns.Currency, text, FieldErrorCodes.CurrencyMismatch, $"is not the store currency {storeCurrency.Code}; convert the amounts to {storeCurrency.Code} before importing");
            return null;
        }

        return currency;
    }

    private static OrderStatus? ReadStatus(CsvRow row)
    {
        var text = row.Required(OrderColumns.Status);
        if (text is null)
        {
            return null;
        }

        if (OrderStatusText.TryParse(text, out var status))
        {
            return status;
        }

        row.Error(OrderColumns.Status, text, FieldErrorCodes.Unknown, $"is not one of: {OrderStatusText.AllowedList}");
        return null;
    }

    private static OrderLine? ReadLine(CsvRow row, Money? total)
    {
        var productId = row.Text(OrderColumns.ProductId);
        var category = row.Text(OrderColumns.Category);
        var quantity = row.Integer(OrderColumns.Quantity, 1, 1_000_000);
        if (productId is null)
        {
            if (category is not null || row.Text(OrderColumns.Quantity) is not null)
            {
                row.Error(OrderColumns.ProductId, null, FieldErrorCodes.Required, "is required when category or quantity is given");
            }

            return null;
        }

        if (Identifiers.Check(productId, 128, OrderColumns.ProductId) is { } error)
        {
            row.Error(error);
            return null;
        }

        if ((category is not null && !CsvText.Check(row, OrderColumns.Category, category)) || total is not { } amount || row.HasErrors)
        {
            return null;
        }

        var count = (int)(quantity ?? 1);
        return row.Try(() => new OrderLine(productId, count, new Money(amount.Amount / count, amount.Currency), category));
    }

    /// <summary>Checks that the status has the instants it implies, no others, and that they follow each other.</summary>
    private static void CheckLife(CsvRow row, OrderStatus status, Instant placedAt, Instant? shippedAt, Instant? deliveredAt, Instant? cancelledAt, Instant? returnedAt)
    {
        var returned = status is OrderStatus.Returned or OrderStatus.PartiallyReturned;
        var delivered = status == OrderStatus.Delivered || returned;
        Expect(row, status, OrderColumns.ShippedAt, required: status == OrderStatus.Shipped, allowed: status != OrderStatus.Placed);
        Expect(row, status, OrderColumns.DeliveredAt, required: delivered, allowed: delivered);
        Expect(row, status, OrderColumns.CancelledAt, required: status == OrderStatus.Cancelled, allowed: status == OrderStatus.Cancelled);
        Expect(row, status, OrderColumns.ReturnedAt, required: returned, allowed: returned);
        Expect(row, status, OrderColumns.Refund, required: returned, allowed: returned);

        NotBefore(row, OrderColumns.ShippedAt, shippedAt, OrderColumns.PlacedAt, placedAt);
        var (sentColumn, sentAt) = shippedAt is { } s ? (OrderColumns.ShippedAt, s) : (OrderColumns.PlacedAt, placedAt);
        NotBefore(row, OrderColumns.DeliveredAt, deliveredAt, sentColumn, sentAt);
        NotBefore(row, OrderColumns.CancelledAt, cancelledAt, sentColumn, sentAt);
        if (deliveredAt is { } d)
        {
            NotBefore(row, OrderColumns.ReturnedAt, returnedAt, OrderColumns.DeliveredAt, d);
        }
    }

    private static void Expect(CsvRow row, OrderStatus status, string column, bool required, bool allowed)
    {
        var text = row.Text(column);
        var statusText = OrderStatusText.Format(status);
        if (text is null && required)
        {
            row.Error(column, null, FieldErrorCodes.Required, $"is required when status is '{statusText}'");
        }
        else if (text is not null && !allowed)
        {
            row.Error(column, text, FieldErrorCodes.OutOfRange, $"is given, but an order with status '{statusText}' has none; clear it or correct the status");
        }
    }

    private static void NotBefore(CsvRow row, string column, Instant? value, string earlierColumn, Instant earlier)
    {
        if (value is { } v && v < earlier)
        {
            row.Error(column, row.Text(column), FieldErrorCodes.OutOfRange, $"is before {earlierColumn} ({InstantPattern.ExtendedIso.Format(earlier)})");
        }
    }
}
