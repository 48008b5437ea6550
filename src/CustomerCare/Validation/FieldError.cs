namespace CustomerCare;

/// <summary>
/// One reason why a value was refused: the field, the value that was given, a stable machine-readable code and a
/// sentence for people.
/// </summary>
/// <param name="Field">The name of the field, as the caller knows it (for example <c>email</c> or <c>birthday</c>).</param>
/// <param name="AttemptedValue">The value that was refused, as text; <see langword="null"/> when it was missing.</param>
/// <param name="Code">A stable code such as <see cref="FieldErrorCodes.Required"/>; safe to switch on.</param>
/// <param name="Message">A human-readable explanation that names the field and the value.</param>
public sealed record FieldError(string Field, string? AttemptedValue, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
