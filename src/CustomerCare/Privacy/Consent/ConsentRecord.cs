using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Privacy.Consent;

/// <summary>
/// One grant or withdrawal of a consent for a purpose on a channel, as the consent ledger keeps it: who, what, where it
/// came from, when, under which version of the policy text, and the evidence (KVKK asks the data controller to prove
/// consent).
/// </summary>
/// <remarks>
/// Immutable and always valid. <see cref="Id"/> is the idempotency key: appending the same record twice writes it once,
/// and a different record under the same id is refused.
/// </remarks>
public sealed record ConsentRecord
{
    /// <summary>The longest <see cref="Id"/> accepted.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The longest <see cref="PolicyVersion"/> accepted.</summary>
    public const int MaxPolicyVersionLength = 64;

    /// <summary>The longest <see cref="Evidence"/> accepted.</summary>
    public const int MaxEvidenceLength = 500;

    /// <summary>Creates a record.</summary>
    /// <param name="id">The idempotency key, such as <c>web:form-81723</c>: 1–200 characters, no control characters or surrounding spaces.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="purpose">What the consent is for.</param>
    /// <param name="channel">The channel it covers.</param>
    /// <param name="action">Grant or withdrawal.</param>
    /// <param name="source">Where it was given or withdrawn.</param>
    /// <param name="recordedAt">When the customer gave or withdrew it.</param>
    /// <param name="policyVersion">The version of the consent text the customer saw, such as <c>2026-03</c>: 1–64 characters.</param>
    /// <param name="evidence">Free-text evidence such as an IP address and a form id; at most 500 characters, no control characters.</param>
    /// <exception cref="FieldValidationException">A value is out of range; every bad field is named.</exception>
    public ConsentRecord(string id, CustomerId customerId, ConsentPurpose purpose, ConsentChannel channel, ConsentAction action, ConsentSource source, Instant recordedAt, string policyVersion, string? evidence = null)
    {
        var errors = new List<FieldError>();
        if (Identifiers.Check(id, MaxIdLength, "id") is { } idError)
        {
            errors.Add(idError);
        }

        if (customerId == default)
        {
            errors.Add(FieldErrors.Create("customer_id", null, FieldErrorCodes.Required, "is required"));
        }

        if (!Enum.IsDefined(purpose))
        {
            errors.Add(FieldErrors.Create("purpose", ((int)purpose).ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.Unknown, "is not a consent purpose"));
        }

        if (!Enum.IsDefined(channel))
        {
            errors.Add(FieldErrors.Create("channel", ((int)channel).ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.Unknown, "is not a consent channel"));
        }

        if (!Enum.IsDefined(action))
        {
            errors.Add(FieldErrors.Create("action", ((int)action).ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.Unknown, "is not a consent action"));
        }

        if (source == default)
        {
            errors.Add(FieldErrors.Create("source", null, FieldErrorCodes.Required, "is required"));
        }

        if (Identifiers.Check(policyVersion, MaxPolicyVersionLength, "policy_version") is { } policyError)
        {
            errors.Add(policyError);
        }

        var trimmed = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        if (trimmed is { Length: > MaxEvidenceLength })
        {
            errors.Add(FieldErrors.Create("evidence", evidence, FieldErrorCodes.TooLong, $"is longer than {MaxEvidenceLength} characters"));
        }
        else if (trimmed is not null && trimmed.Any(char.IsControl))
        {
            errors.Add(FieldErrors.Create("evidence", evidence, FieldErrorCodes.Malformed, "contains a control character"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        Id = id;
        CustomerId = customerId;
        Purpose = purpose;
        Channel = channel;
        Action = action;
        Source = source;
        RecordedAt = recordedAt;
        PolicyVersion = policyVersion;
        Evidence = trimmed;
    }

    /// <summary>The idempotency key.</summary>
    public string Id { get; }

    /// <summary>The customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>What the consent is for.</summary>
    public ConsentPurpose Purpose { get; }

    /// <summary>The channel it covers.</summary>
    public ConsentChannel Channel { get; }

    /// <summary>Grant or withdrawal.</summary>
    public ConsentAction Action { get; }

    /// <summary>Where it was given or withdrawn.</summary>
    public ConsentSource Source { get; }

    /// <summary>When the customer gave or withdrew it.</summary>
    public Instant RecordedAt { get; }

    /// <summary>The version of the consent text the customer saw.</summary>
    public string PolicyVersion { get; }

    /// <summary>The evidence, trimmed; <see langword="null"/> when none was given.</summary>
    public string? Evidence { get; }

    /// <summary>Whether this record grants the consent.</summary>
    public bool Grants => Action == ConsentAction.Grant;
}
