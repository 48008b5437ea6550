namespace CustomerCare.Webhooks;

/// <summary>The core rule for opaque identifiers (internal there, so repeated here): not blank, bounded, not padded, no control characters.</summary>
internal static class WebhookIdentifiers
{
    public static FieldError? Check(string? value, int maxLength, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return FieldErrors.Create(field, value, FieldErrorCodes.Required, "is required");
        }

        if (value.Length > maxLength)
        {
            return FieldErrors.Create(field, value, FieldErrorCodes.TooLong, $"is longer than {maxLength} characters");
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return FieldErrors.Create(field, value, FieldErrorCodes.Malformed, "starts or ends with a space");
        }

        return value.Any(char.IsControl)
            ? FieldErrors.Create(field, value, FieldErrorCodes.Malformed, "contains a control character")
            : null;
    }
}
