namespace CustomerCare.Channels;

/// <summary>Delivers one rendered message over a channel: e-mail, SMS, a webhook, your own.</summary>
/// <remarks>
/// <para><b>Idempotency.</b> <see cref="OutboundMessage.MessageId"/> is the idempotency key: sending the same id twice
/// must deliver at most once where the provider allows it (SMTP <c>Message-ID</c>, a webhook header), and must
/// otherwise report <see cref="SendStatus.Sent"/> again for an id already delivered by this instance.</para>
/// <para><b>Failures.</b> Return <see cref="SendStatus.TransientFailure"/> when a retry may succeed (timeout, 5xx,
/// 4xx SMTP) and <see cref="SendStatus.PermanentFailure"/> when it cannot (bad address, 4xx HTTP other than 408/429).
/// Throw only for programmer errors and cancellation.</para>
/// <para><b>Thread safety.</b> <see cref="SendAsync"/> may be called concurrently. Never hold a lock across the call.</para>
/// </remarks>
public interface IOutboundChannel
{
    /// <summary>The channel name that messages are routed by, such as <c>email</c>, <c>sms</c> or <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>Sends one message.</summary>
    /// <param name="message">The rendered message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>Whether it was sent, and if not, whether to retry.</returns>
    ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>Returns a provider-specific service (a client, its options) or <see langword="null"/>.</summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <param name="serviceKey">An optional key.</param>
    /// <returns>The service, or <see langword="null"/> when this channel has none of that type.</returns>
    object? GetService(Type serviceType, object? serviceKey = null);
}
