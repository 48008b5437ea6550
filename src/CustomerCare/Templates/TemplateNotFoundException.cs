namespace CustomerCare.Templates;

/// <summary>Thrown when no variant of a template is registered along its fallback chain.</summary>
public sealed class TemplateNotFoundException : TemplateException
{
    /// <summary>Creates the exception with a default message.</summary>
    public TemplateNotFoundException()
        : this("No template was found.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was missing.</param>
    public TemplateNotFoundException(string message)
        : base(message)
    {
        Tried = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was missing.</param>
    /// <param name="innerException">The cause.</param>
    public TemplateNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tried = [];
    }

    /// <summary>Creates the exception for a key and the chain that was tried.</summary>
    /// <param name="key">The key asked for.</param>
    /// <param name="tried">The keys tried, in order.</param>
    public TemplateNotFoundException(TemplateKey key, IReadOnlyList<TemplateKey> tried)
        : base(TemplateFailure.NotFound, key, null, null, null, null, "no variant is registered; tried " + string.Join(" -> ", tried ?? []))
    {
        Tried = tried ?? [];
    }

    /// <summary>The keys tried, in fallback order.</summary>
    public IReadOnlyList<TemplateKey> Tried { get; }
}
