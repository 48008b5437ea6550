using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Channels;

/// <summary>The outcome of parsing an inbound payload: a message, or the errors that made it invalid.</summary>
public sealed record InboundResult
{
    private InboundResult(InboundMessage? message, IReadOnlyList<FieldError> errors)
    {
        Message = message;
        Errors = errors;
    }

    /// <summary>The message, when the payload was valid.</summary>
    public InboundMessage? Message { get; }

    /// <summary>Why the payload was invalid; empty when it was valid.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Whether a message was produced.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    public bool IsValid => Message is not null;

    /// <summary>A valid result.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The result.</returns>
    public static InboundResult Valid(InboundMessage message) => new(message ?? throw new ArgumentNullException(nameof(message)), []);

    /// <summary>An invalid result.</summary>
    /// <param name="errors">At least one error.</param>
    /// <returns>The result.</returns>
    public static InboundResult Invalid(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? throw new ArgumentException("At least one error is required.", nameof(errors)) : new(null, errors);
    }
}
