using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Orders;

/// <summary>The platform's identifier of an order: 1–128 characters, no control characters, compared ordinally.</summary>
public readonly record struct OrderId
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaxLength = 128;

    private readonly string? _value;

    private OrderId(string value) => _value = value;

    /// <summary>The identifier text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Creates an identifier from text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="FieldValidationException">The text is blank, too long, padded or has control characters.</exception>
    public static OrderId From(string? value) =>
        TryFrom(value, out var id, out var error) ? id : throw new FieldValidationException(error);

    /// <summary>Tries to create an identifier from text.</summary>
    /// <param name="value">The text.</param>
    /// <param name="id">The identifier, when valid.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryFrom(string? value, out OrderId id, [NotNullWhen(false)] out FieldError? error, string field = "order_id")
    {
        id = default;
        error = Identifiers.Check(value, MaxLength, field);
        if (error is null)
        {
            id = new OrderId(value!);
        }

        return error is null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
