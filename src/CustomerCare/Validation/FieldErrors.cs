using System.Globalization;

namespace CustomerCare;

/// <summary>Builds <see cref="FieldError"/> values with a uniform message shape.</summary>
public static class FieldErrors
{
    private const int MaxQuotedValueLength = 80;

    /// <summary>Creates an error whose message reads <c>field 'email': value 'x' is ... reason</c>.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="attemptedValue">The refused value, or <see langword="null"/> when it was missing.</param>
    /// <param name="code">A code from <see cref="FieldErrorCodes"/>.</param>
    /// <param name="reason">Why the value was refused.</param>
    /// <returns>The error.</returns>
    public static FieldError Create(string field, string? attemptedValue, string code, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var shown = attemptedValue is null ? "(missing)" : "'" + Quote(attemptedValue) + "'";
        var message = string.Create(CultureInfo.InvariantCulture, $"field '{field}': value {shown} {reason}");
        return new FieldError(field, attemptedValue, code, message);
    }

    /// <summary>The same error under a longer field path, such as <c>Compensation.Caps.Period</c> for <c>Caps.Period</c> of the compensation section.</summary>
    /// <param name="error">The error.</param>
    /// <param name="prefix">The path to put before the field, without the dot.</param>
    /// <returns>The error with the field and the message's field name prefixed.</returns>
    public static FieldError WithPrefix(FieldError error, string prefix)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var field = prefix + "." + error.Field;
        var head = "field '" + error.Field + "'";
        var message = error.Message.StartsWith(head, StringComparison.Ordinal) ? "field '" + field + "'" + error.Message[head.Length..] : error.Message;
        return error with { Field = field, Message = message };
    }

    /// <summary>Shortens and escapes a value so that a hostile or huge input cannot flood a log line.</summary>
    internal static string Quote(string value)
    {
        var shortened = value.Length > MaxQuotedValueLength ? value[..MaxQuotedValueLength] + "…" : value;
        return shortened.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
