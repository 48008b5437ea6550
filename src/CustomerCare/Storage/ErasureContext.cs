using System.Diagnostics.CodeAnalysis;
using CustomerCare.Customers;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Privacy.Redaction;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>What a store needs to erase one customer: the customer's own values to mask, an optional pattern redactor, and the instant.</summary>
/// <remarks>Immutable and thread-safe; one instance serves every store of one erasure.</remarks>
public sealed class ErasureContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="customerId">The customer being erased.</param>
    /// <param name="known">The customer's own e-mail, phone and name, always masked.</param>
    /// <param name="now">The instant of the erasure.</param>
    /// <param name="redactor">The pattern redactor run after the known values are masked (any e-mail, phone, Turkish ID, IBAN); optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="known"/> is <see langword="null"/>.</exception>
    public ErasureContext(CustomerId customerId, KnownPersonalData known, Instant now, ITextRedactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(known);
        CustomerId = customerId;
        Known = known;
        Now = now;
        Redactor = redactor;
    }

    /// <summary>The customer being erased.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>The customer's own values.</summary>
    public KnownPersonalData Known { get; }

    /// <summary>The instant of the erasure.</summary>
    public Instant Now { get; }

    /// <summary>The pattern redactor, when one is registered.</summary>
    public ITextRedactor? Redactor { get; }

    /// <summary>Masks the customer's own values, then whatever the pattern redactor detects.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The masked text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Known.Mask(text);
        return Redactor is null ? masked : Redactor.Redact(masked);
    }

    /// <summary>Masks optional text; <see langword="null"/> stays <see langword="null"/>.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <returns>The masked text, or <see langword="null"/>.</returns>
    [return: NotNullIfNotNull(nameof(text))]
    public string? RedactOptional(string? text) => text is null ? null : Redact(text);
}
