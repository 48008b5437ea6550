using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Orders;

/// <summary>
/// The identifier the platform gives an event. The same event delivered twice carries the same identifier, and is
/// applied only once.
/// </summary>
public readonly record struct EventId : IComparable<EventId>, IComparable
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

    /// <summary>Compares ordinally by <see cref="Value"/>, the order every store sorts identifiers in.</summary>
    /// <param name="other">The other identifier.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(EventId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        EventId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a EventId with {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Ordinal comparison.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(EventId left, EventId right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal comparison.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts first or is equal.</returns>
    public static bool operator <=(EventId left, EventId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal comparison.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(EventId left, EventId right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal comparison.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> sorts last or is equal.</returns>
    public static bool operator >=(EventId left, EventId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Value;
}
