using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using CustomerCare.Coupons.Codes;

namespace CustomerCare.Complaints;

/// <summary>
/// The library's identifier of a complaint, such as <c>CMP-7KQ2M9X4TR8VZ</c>: random (65 bits from a CSPRNG), so it
/// can be shown to a customer without revealing how many complaints there are. Compared ordinally; order by <see cref="Value"/>.
/// </summary>
public readonly record struct ComplaintId
{
    /// <summary>The longest identifier accepted (a store may hold identifiers made elsewhere).</summary>
    public const int MaxLength = 64;

    private const string Prefix = "CMP-";
    private const int RandomSymbols = 13;
    private readonly string? _value;

    private ComplaintId(string value) => _value = value;

    /// <summary>The identifier text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Draws a new identifier.</summary>
    /// <returns>The identifier.</returns>
    public static ComplaintId New()
    {
        Span<byte> random = stackalloc byte[RandomSymbols];
        RandomNumberGenerator.Fill(random);
        return new ComplaintId(string.Create(Prefix.Length + RandomSymbols, random.ToArray(), static (span, bytes) =>
        {
            Prefix.AsSpan().CopyTo(span);
            for (var i = 0; i < bytes.Length; i++)
            {
                span[Prefix.Length + i] = CrockfordBase32.Symbols[bytes[i] & 31];
            }
        }));
    }

    /// <summary>Creates an identifier from text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="FieldValidationException">The text is blank, too long, padded or has control characters.</exception>
    public static ComplaintId From(string? value) =>
        TryFrom(value, out var id, out var error) ? id : throw new FieldValidationException(error);

    /// <summary>Tries to create an identifier from text.</summary>
    /// <param name="value">The text.</param>
    /// <param name="id">The identifier, when valid.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryFrom(string? value, out ComplaintId id, [NotNullWhen(false)] out FieldError? error, string field = "complaint_id")
    {
        id = default;
        error = Identifiers.Check(value, MaxLength, field);
        if (error is null)
        {
            id = new ComplaintId(value!);
        }

        return error is null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
