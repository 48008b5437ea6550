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

    /// <summary>Shortens and escapes a value so that a hostile or huge input cannot flood a log line.</summary>
    internal static string Quote(string value)
    {
        var shortened = value.Length > MaxQuotedValueLength ? value[..MaxQuotedValueLength] + "…" : value;
        return shortened.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
