namespace CustomerCare.Channels;

/// <summary>
/// Turns a raw payload from outside (a form post, an e-mail, a social post, a complaint-site webhook) into an
/// <see cref="InboundMessage"/>, or a clear validation error.
/// </summary>
/// <remarks>
/// <para><b>Hostile input.</b> Payloads come from the internet. Never throw for bad input: return
/// <see cref="InboundResult.Invalid"/> with errors that name the field, the value and, for text formats, the
/// position. Bound every size you read.</para>
/// <para><b>Idempotency.</b> The same payload must give the same <see cref="InboundMessage.ExternalId"/>, so that a
/// redelivered webhook does not open a second complaint.</para>
/// <para><b>Thread safety.</b> <see cref="ReceiveAsync"/> may be called concurrently.</para>
/// </remarks>
public interface IInboundChannel
{
    /// <summary>The channel name, such as <c>contact_form</c>, <c>email</c> or <c>sikayetvar</c>.</summary>
    string Name { get; }

    /// <summary>Parses one payload.</summary>
    /// <param name="payload">The raw payload.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The message, or the errors that made the payload invalid.</returns>
    ValueTask<InboundResult> ReceiveAsync(InboundPayload payload, CancellationToken cancellationToken = default);

    /// <summary>Returns a provider-specific service or <see langword="null"/>.</summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <param name="serviceKey">An optional key.</param>
    /// <returns>The service, or <see langword="null"/>.</returns>
    object? GetService(Type serviceType, object? serviceKey = null);
}
