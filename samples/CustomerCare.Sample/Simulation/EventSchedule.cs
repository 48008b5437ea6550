using System.Diagnostics.CodeAnalysis;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Sample.Simulation;

/// <summary>An event waiting to reach the library, and whether it is a deliberate second delivery.</summary>
/// <param name="Event">The event.</param>
/// <param name="DeliverAt">When the platform sends it.</param>
/// <param name="IsRetry">Whether the platform already sent it once.</param>
public sealed record ScheduledEvent(CommerceEvent Event, Instant DeliverAt, bool IsRetry);

/// <summary>The events the platform will send, in delivery order; ties keep the order they were scheduled in.</summary>
public sealed class EventSchedule
{
    private readonly PriorityQueue<ScheduledEvent, (Instant At, long Sequence)> _queue = new();
    private long _sequence;

    /// <summary>How many events are waiting.</summary>
    public int Count => _queue.Count;

    /// <summary>Schedules an event for delivery when it occurs.</summary>
    /// <param name="commerceEvent">The event.</param>
    public void Add(CommerceEvent commerceEvent)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        Add(new ScheduledEvent(commerceEvent, commerceEvent.OccurredAt, IsRetry: false));
    }

    /// <summary>Schedules a delivery.</summary>
    /// <param name="scheduled">The delivery.</param>
    public void Add(ScheduledEvent scheduled)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        _queue.Enqueue(scheduled, (scheduled.DeliverAt, _sequence++));
    }

    /// <summary>Takes the next delivery due before an instant.</summary>
    /// <param name="before">The end of the delivery window, exclusive.</param>
    /// <param name="next">The delivery, when one is due.</param>
    /// <returns><see langword="true"/> when one was due.</returns>
    public bool TryTakeDue(Instant before, [NotNullWhen(true)] out ScheduledEvent? next)
    {
        if (_queue.TryPeek(out var head, out var priority) && priority.At < before)
        {
            next = _queue.Dequeue();
            return true;
        }

        next = null;
        return false;
    }
}
