using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Orders;

/// <summary>The platform's identifier of an order: 1–128 characters, no control characters, compared ordinally.</summary>
public readonly record struct OrderId : IComparable<OrderId>, IComparable
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

    /// <summary>Compares ordinally by <see cref="Value"/>, the order every store sorts identifiers in.</summary>
    /// <param name="other">The other identifier.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(OrderId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        OrderId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a OrderId with {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Ordinal comparison.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(OrderId left, OrderId right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal comparison.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts first or is equal.</returns>
    public static bool operator <=(OrderId left, OrderId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal comparison.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(OrderId left, OrderId right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal comparison.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts last or is equal.</returns>
    public static bool operator >=(OrderId left, OrderId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Value;
}
