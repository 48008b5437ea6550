using NodaTime;

namespace CustomerCare.Channels;

/// <summary>What happened when a channel tried to send a message.</summary>
/// <param name="Status">Sent, or why not.</param>
/// <param name="Error">What went wrong, when it did.</param>
public sealed record SendResult(SendStatus Status, string? Error = null)
{
    /// <summary>The provider's own identifier of the sent message, when it gives one.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>How long to wait before a retry, when the provider said.</summary>
    public Duration? RetryAfter { get; init; }

    /// <summary>A successful send.</summary>
    /// <param name="providerMessageId">The provider's identifier, if any.</param>
    /// <returns>The result.</returns>
    public static SendResult Sent(string? providerMessageId = null) => new(SendStatus.Sent) { ProviderMessageId = providerMessageId };

    /// <summary>A failure that a retry may fix.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="retryAfter">How long to wait, if known.</param>
    /// <returns>The result.</returns>
    public static SendResult Transient(string error, Duration? retryAfter = null) => new(SendStatus.TransientFailure, error) { RetryAfter = retryAfter };

    /// <summary>A failure that no retry will fix.</summary>
    /// <param name="error">What went wrong.</param>
    /// <returns>The result.</returns>
    public static SendResult Permanent(string error) => new(SendStatus.PermanentFailure, error);
}

/// <summary>The outcome of a send.</summary>
public enum SendStatus
{
    /// <summary>The provider accepted the message.</summary>
    Sent = 0,

    /// <summary>Not sent; a retry may succeed.</summary>
    TransientFailure,

    /// <summary>Not sent; a retry will not succeed.</summary>
    PermanentFailure,
}
