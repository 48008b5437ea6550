using System.Collections.Immutable;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Import;

/// <summary>
/// Turns the rows into commerce events and runs <see cref="CommerceEventApplier"/> over them in memory, in time order
/// and customers first, so that imported data obeys exactly the rules live events obey. A rejected event becomes an
/// error at the row it came from.
/// </summary>
internal sealed class ImportReplay
{
    private readonly List<PlannedEvent> _events = [];
    private readonly Dictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _expectedVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedOrders = new(StringComparer.Ordinal);
    private readonly CsvErrorSink _sink;

    private ImportReplay(CsvErrorSink sink) => _sink = sink;

    /// <summary>Where each written customer, order and event came from, to explain a commit conflict; see <see cref="CustomerKey"/>.</summary>
    public Dictionary<string, RowRef> Sources { get; } = new(StringComparer.Ordinal);

    public int EventCount => _events.Count;

    /// <summary>Replays the batch; errors go to the sink. The change set is only meaningful when the sink stays empty.</summary>
    public static ImportReplay Run(ImportBatch batch, IReadOnlyDictionary<string, Customer> stored, CsvErrorSink sink)
    {
        var replay = new ImportReplay(sink);
        foreach (var (id, customer) in stored)
        {
            replay._customers[id] = customer;
            replay._expectedVersions[id] = customer.Version;
        }

        replay.Plan(batch);
        replay.Apply();
        replay.CheckStatuses(batch);
        return replay;
    }

    /// <summary>The single change set: every customer and order touched, and a ledger entry per event.</summary>
    public CustomerChangeSet ToChangeSet(Instant processedAt) => new()
    {
        Customers = _customers.Select(c => new VersionedWrite<Customer>(c.Value, _expectedVersions.GetValueOrDefault(c.Key))).ToArray(),
        Orders = _orders.Values.Select(o => new VersionedWrite<Order>(o, 0)).ToArray(),
        Events = _events.Select(e => new ProcessedEvent(e.Event.EventId, e.Event.Kind, e.Event.CustomerId, processedAt)).ToArray(),
    };

    private void Plan(ImportBatch batch)
    {
        var sequence = 0;
        foreach (var customer in batch.Customers)
        {
            var id = customer.Profile.Id;
            Sources.TryAdd(CustomerKey(id.Value), customer.Source);
            _events.Add(new(new CustomerRegistered(ImportEventIds.Customer(id), customer.Profile), customer.Source, Stage.Registered, sequence++));
        }

        foreach (var order in batch.Orders)
        {
            Sources.TryAdd(OrderKey(order.OrderId.Value), order.Source);
            Sources.TryAdd(CustomerKey(order.CustomerId.Value), order.Source);
            foreach (var (e, stage) in EventsOf(order))
            {
                _events.Add(new(e, order.Source, stage, sequence++));
            }
        }

        foreach (var review in batch.Reviews)
        {
            Sources.TryAdd(CustomerKey(review.CustomerId.Value), review.Source);
            var e = new ReviewPosted(ImportEventIds.Review(review.ReviewId), review.CustomerId, review.PostedAt, review.ProductId, review.Rating)
            {
                OrderId = review.OrderId,
                Text = review.Text,
            };
            _events.Add(new(e, review.Source, Stage.Reviewed, sequence++));
        }

        _events.Sort(Compare);
        foreach (var planned in _events)
        {
            Sources.TryAdd(EventKey(planned.Event.EventId.Value), planned.Source);
        }
    }

    public static string CustomerKey(string id) => "customer:" + id;

    public static string OrderKey(string id) => "order:" + id;

    public static string EventKey(string id) => "event:" + id;

    /// <summary>Registrations first, in file order; then by instant, and at the same instant in the order of an order's life.</summary>
    private static int Compare(PlannedEvent a, PlannedEvent b)
    {
        var aFirst = a.Stage == Stage.Registered;
        var bFirst = b.Stage == Stage.Registered;
        if (aFirst != bFirst)
        {
            return aFirst ? -1 : 1;
        }

        var byTime = aFirst ? 0 : a.Event.OccurredAt.CompareTo(b.Event.OccurredAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byStage = a.Stage.CompareTo(b.Stage);
        return byStage != 0 ? byStage : a.Sequence.CompareTo(b.Sequence);
    }

    private static IEnumerable<(CommerceEvent Event, Stage Stage)> EventsOf(ImportedOrder order)
    {
        var (id, customer) = (order.OrderId, order.CustomerId);
        yield return (new OrderPlaced(ImportEventIds.Order(id, "placed"), customer, order.PlacedAt, id, order.Total)
        {
            Lines = order.Line is { } line ? [line] : ImmutableArray<OrderLine>.Empty,
            PromisedDeliveryDate = order.PromisedDeliveryDate,
        }, Stage.Placed);
        if (order.ShippedAt is { } shipped)
        {
            yield return (new OrderShipped(ImportEventIds.Order(id, "shipped"), customer, shipped, id), Stage.Shipped);
        }

        if (order.DeliveredAt is { } delivered)
        {
            yield return (new OrderDelivered(ImportEventIds.Order(id, "delivered"), customer, delivered, id), Stage.Delivered);
        }

        if (order.CancelledAt is { } cancelled)
        {
            yield return (new OrderCancelled(ImportEventIds.Order(id, "cancelled"), customer, cancelled, id), Stage.Cancelled);
        }

        if (order.ReturnedAt is { } returned && order.Refund is { } refund)
        {
            yield return (new OrderReturned(ImportEventIds.Order(id, "returned"), customer, returned, id, refund), Stage.Returned);
        }
    }

    private void Apply()
    {
        foreach (var planned in _events)
        {
            if (_sink.IsFull)
            {
                return;
            }

            var e = planned.Event;
            var orderId = CommerceEventApplier.OrderOf(e)?.Value;
            var customer = _customers.GetValueOrDefault(e.CustomerId.Value);

            // A customer missing here was refused earlier, and that error is already reported.
            if ((orderId is not null && _failedOrders.Contains(orderId)) || (customer is null && e is not CustomerRegistered))
            {
                continue;
            }

            var order = orderId is null ? null : _orders.GetValueOrDefault(orderId);
            var transition = CommerceEventApplier.Apply(customer, order, e);
            if (transition.IsRejected)
            {
                var rejection = transition.Rejection;
                var column = rejection.Field ?? OrderColumns.CustomerId;
                var reason = RowRef.ReasonOf(rejection.Field, rejection.Message);
                _sink.Add(new CsvError(planned.Source.File, planned.Source.Line, planned.Source.Header.ColumnOf(column), column, rejection.Value, reason) { Code = rejection.Code });
                if (orderId is not null)
                {
                    _failedOrders.Add(orderId);
                }

                continue;
            }

            _customers[e.CustomerId.Value] = transition.Customer;
            if (transition.Order is { } next)
            {
                _orders[next.Id.Value] = next;
            }
        }
    }

    private void CheckStatuses(ImportBatch batch)
    {
        foreach (var row in batch.Orders)
        {
            if (_failedOrders.Contains(row.OrderId.Value) || !_orders.TryGetValue(row.OrderId.Value, out var order) || order.Status == row.Status)
            {
                continue;
            }

            var reason = row.Status == OrderStatus.Returned
                ? $"says the whole order came back, but the refund {order.RefundedTotal} is less than the total {order.Total}: write partially_returned, or the full refund"
                : $"says part of the order came back, but the refund {order.RefundedTotal} is the whole total: write returned";
            _sink.Add(row.Source.Error(OrderColumns.Status, OrderStatusText.Format(row.Status), CsvErrorCodes.StatusMismatch, reason));
        }
    }

    private enum Stage
    {
        Registered,
        Placed,
        Shipped,
        Delivered,
        Cancelled,
        Returned,
        Reviewed,
    }

    private sealed record PlannedEvent(CommerceEvent Event, RowRef Source, Stage Stage, int Sequence);
}
