namespace CustomerCare.Templates;

/// <summary>
/// Thrown when a rendered message breaks a rule of its channel. The message is never cut to fit: the template or the
/// values must change.
/// </summary>
public sealed class ChannelRuleException : TemplateException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ChannelRuleException()
        : this("The rendered message breaks a channel rule.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What rule was broken.</param>
    public ChannelRuleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What rule was broken.</param>
    /// <param name="innerException">The cause.</param>
    public ChannelRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a rule broken by a template.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="key">The template.</param>
    /// <param name="part">The part that broke it.</param>
    /// <param name="reason">What was found, without the personal data itself.</param>
    public ChannelRuleException(ChannelRule rule, TemplateKey key, TemplatePart part, string reason)
        : base(TemplateFailure.ChannelRule, key, part, null, null, null, rule + ": " + reason)
    {
        Rule = rule;
    }

    /// <summary>The rule that was broken.</summary>
    public ChannelRule Rule { get; }
}
