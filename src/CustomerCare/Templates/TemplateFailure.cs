namespace CustomerCare.Templates;

/// <summary>Why a template could not be registered or rendered; stable, safe to switch on.</summary>
public enum TemplateFailure
{
    /// <summary>The template text does not parse; the error has the line and column.</summary>
    Syntax = 0,

    /// <summary>The template text is longer than <see cref="TemplateLimits.MaxSourceLength"/>.</summary>
    TooLong,

    /// <summary>The template failed while rendering: an unknown variable, a sandbox limit (loops, recursion, string size), or a forbidden member.</summary>
    Render,

    /// <summary>The render ran out of time or was cancelled.</summary>
    Timeout,

    /// <summary>No variant of the template was found along the fallback chain.</summary>
    NotFound,

    /// <summary>The rendered message breaks a rule of its channel (<see cref="ChannelRule"/>).</summary>
    ChannelRule,

    /// <summary>The template source is malformed (a bad section header or a missing part).</summary>
    Malformed,
}
