using System.Collections.Concurrent;

namespace CustomerCare.Channels;

/// <summary>
/// An outbound channel that keeps what it is sent in memory instead of delivering it: for development, samples and
/// tests of code that sends. Idempotent by message id.
/// </summary>
/// <remarks>Thread-safe.</remarks>
/// <param name="name">The channel name it serves.</param>
public sealed class InMemoryOutboundChannel(string name) : IOutboundChannel
{
    private readonly ConcurrentDictionary<string, OutboundMessage> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<OutboundMessage> _inOrder = new();

    /// <inheritdoc />
    public string Name { get; } = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A channel needs a name.", nameof(name)) : name;

    /// <summary>The messages delivered, once each, in the order they were first sent.</summary>
    public IReadOnlyCollection<OutboundMessage> Delivered => _inOrder.ToArray();

    /// <inheritdoc />
    public ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (_byId.TryAdd(message.MessageId, message))
        {
            _inOrder.Enqueue(message);
        }

        return ValueTask.FromResult(SendResult.Sent(message.MessageId));
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }
}
