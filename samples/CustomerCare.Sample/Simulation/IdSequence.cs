using System.Globalization;
using CustomerCare.Orders;

namespace CustomerCare.Sample.Simulation;

/// <summary>Hands out order and event identifiers, prefixed with the seed so runs with other seeds never collide.</summary>
public sealed class IdSequence(int seed)
{
    private int _orders;
    private int _events;

    /// <summary>The next order identifier, such as <c>O42-000017</c>.</summary>
    /// <returns>The identifier.</returns>
    public OrderId NextOrder() => OrderId.From(string.Create(CultureInfo.InvariantCulture, $"O{seed}-{++_orders:D6}"));

    /// <summary>The next event identifier, such as <c>E42-0000123</c>.</summary>
    /// <returns>The identifier.</returns>
    public EventId NextEvent() => EventId.From(string.Create(CultureInfo.InvariantCulture, $"E{seed}-{++_events:D7}"));
}
