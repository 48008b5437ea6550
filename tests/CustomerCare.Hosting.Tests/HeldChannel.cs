using CustomerCare.Channels;

namespace CustomerCare.Hosting.Tests;

/// <summary>
/// A decorator over a real channel that holds the first send until the host stops, so a test can stop a host while it
/// holds claimed outbox messages. Every later send goes straight through.
/// </summary>
internal sealed class HeldChannel(IOutboundChannel inner) : DelegatingOutboundChannel(inner)
{
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    public Task Holding => _holding.Task;

    public override async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _held, 1) == 0)
        {
            _holding.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await base.SendAsync(message, cancellationToken);
    }
}
