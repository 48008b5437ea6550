using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Orders;

/// <summary>
/// The identifier the platform gives an event. The same event delivered twice carries the same identifier, and is
/// applied only once.
/// </summary>
public readonly record struct EventId
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaxLength = 200;

    private readonly string? _value;

    private EventId(string value) => _value = value;

    /// <summary>The identifier text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Creates an identifier from text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="FieldValidationException">The text is blank, too long, padded or has control characters.</exception>
    public static EventId From(string? value) =>
        TryFrom(value, out var id, out var error) ? id : throw new FieldValidationException(error);

    /// <summary>Tries to create an identifier from text.</summary>
    /// <param name="value">The text.</param>
    /// <param name="id">The identifier, when valid.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryFrom(string? value, out EventId id, [NotNullWhen(false)] out FieldError? error, string field = "event_id")
    {
        id = default;
        error = Identifiers.Check(value, MaxLength, field);
        if (error is null)
        {
            id = new EventId(value!);
        }

        return error is null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
