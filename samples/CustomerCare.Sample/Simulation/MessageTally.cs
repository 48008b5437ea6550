using CustomerCare.Notifications;

namespace CustomerCare.Sample.Simulation;

/// <summary>Drains the outbox at the end of each simulated day, as a platform's dispatcher job would, and counts what it did.</summary>
internal sealed class MessageTally
{
    private int _sent;
    private int _failed;
    private int _deadLettered;

    /// <summary>Dispatches until nothing more is due now.</summary>
    public async Task DispatchAsync(OutboxDispatcher dispatcher, CancellationToken cancellationToken)
    {
        DispatchResult result;
        do
        {
            result = await dispatcher.DispatchDueAsync(cancellationToken).ConfigureAwait(false);
            _sent += result.Sent;
            _failed += result.Failed;
            _deadLettered += result.DeadLettered;
        }
        while (result.Claimed > 0 && result.Claimed > result.Retrying);
    }

    /// <summary>The counts, with what still waits in the outbox.</summary>
    public MessageActivity ToActivity(long waiting) => new(_sent, _failed, _deadLettered, waiting);
}
