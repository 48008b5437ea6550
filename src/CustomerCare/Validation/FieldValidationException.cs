namespace CustomerCare;

/// <summary>
/// Thrown when input is refused. Carries every <see cref="FieldError"/> found, each naming the field and the value.
/// </summary>
/// <remarks>Nothing has been written when this exception is thrown.</remarks>
public sealed class FieldValidationException : ArgumentException
{
    /// <summary>Creates the exception for one error.</summary>
    /// <param name="error">The error.</param>
    public FieldValidationException(FieldError error)
        : this([error])
    {
    }

    /// <summary>Creates the exception for one or more errors.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public FieldValidationException(IReadOnlyList<FieldError> errors)
        : base(BuildMessage(errors), errors is { Count: > 0 } ? errors[0].Field : null)
    {
        Errors = errors;
    }

    /// <summary>The errors, in the order they were found; never empty.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Creates the exception for one error built from its parts.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="attemptedValue">The refused value.</param>
    /// <param name="code">A code from <see cref="FieldErrorCodes"/>.</param>
    /// <param name="reason">Why the value was refused, completing "field 'x' value 'y' ...".</param>
    /// <returns>The exception, ready to throw.</returns>
    public static FieldValidationException For(string field, string? attemptedValue, string code, string reason) =>
        new(FieldErrors.Create(field, attemptedValue, code, reason));

    private static string BuildMessage(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        return errors.Count == 1
            ? errors[0].Message
            : $"{errors.Count} fields were refused: " + string.Join("; ", errors.Select(e => e.Message));
    }
}
