namespace CustomerCare.Channels;

/// <summary>
/// A base for decorators (logging, retry, rate limits): forwards every call to an inner channel. Override what you
/// change.
/// </summary>
public abstract class DelegatingOutboundChannel : IOutboundChannel
{
    /// <summary>Wraps a channel.</summary>
    /// <param name="innerChannel">The channel to forward to.</param>
    protected DelegatingOutboundChannel(IOutboundChannel innerChannel)
    {
        InnerChannel = innerChannel ?? throw new ArgumentNullException(nameof(innerChannel));
    }

    /// <summary>The wrapped channel.</summary>
    protected IOutboundChannel InnerChannel { get; }

    /// <inheritdoc />
    public virtual string Name => InnerChannel.Name;

    /// <inheritdoc />
    public virtual ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        InnerChannel.SendAsync(message, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Returns this decorator when it is of the type asked for; otherwise asks the inner channel.</remarks>
    public virtual object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : InnerChannel.GetService(serviceType, serviceKey);
    }
}
