using System.Globalization;
using System.Text;

namespace CustomerCare.Templates;

/// <summary>
/// Thrown when a template cannot be registered or rendered. Names the template key, the part, the source and, where
/// there is one, the line and column (1-based) in that source.
/// </summary>
/// <remarks>A template that fails at registration is not registered; the catalog is unchanged.</remarks>
public class TemplateException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public TemplateException()
        : this("The template could not be used.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public TemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a template and a position in its source.</summary>
    /// <param name="failure">Why it failed.</param>
    /// <param name="key">The template.</param>
    /// <param name="part">The part that failed, when known.</param>
    /// <param name="source">Where the template came from (a file path, a resource name or <c>string</c>).</param>
    /// <param name="line">The 1-based line in <paramref name="source"/>, when known.</param>
    /// <param name="column">The 1-based column, when known.</param>
    /// <param name="reason">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TemplateException(TemplateFailure failure, TemplateKey key, TemplatePart? part, string? source, int? line, int? column, string reason, Exception? innerException = null)
        : base(BuildMessage(failure, key, part, source, line, column, reason), innerException)
    {
        Failure = failure;
        Key = key;
        Part = part;
        Origin = source;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Why it failed.</summary>
    public TemplateFailure Failure { get; }

    /// <summary>The template key.</summary>
    public TemplateKey? Key { get; }

    /// <summary>The part that failed, when known.</summary>
    public TemplatePart? Part { get; }

    /// <summary>Where the template came from: a file path, an embedded resource name or <c>string</c>.</summary>
    public string? Origin { get; }

    /// <summary>The 1-based line in <see cref="Origin"/>, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column in <see cref="Origin"/>, when known.</summary>
    public int? Column { get; }

    /// <summary>What went wrong, without the key and position.</summary>
    public string? Reason { get; }

    private static string BuildMessage(TemplateFailure failure, TemplateKey key, TemplatePart? part, string? source, int? line, int? column, string reason)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"Template '{key}'");
        if (part is { } p)
        {
            builder.Append(CultureInfo.InvariantCulture, $" ({p.ToString().ToLowerInvariant()})");
        }

        if (source is not null)
        {
            builder.Append(CultureInfo.InvariantCulture, $" in {source}");
        }

        if (line is { } l)
        {
            builder.Append(CultureInfo.InvariantCulture, $" at line {l}");
            if (column is { } c)
            {
                builder.Append(CultureInfo.InvariantCulture, $", column {c}");
            }
        }

        builder.Append(CultureInfo.InvariantCulture, $": {failure}: {reason}");
        return builder.ToString();
    }
}
