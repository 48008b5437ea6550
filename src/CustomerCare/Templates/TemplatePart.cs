namespace CustomerCare.Templates;

/// <summary>One part of a template.</summary>
public enum TemplatePart
{
    /// <summary>The plain-text body; every channel has one.</summary>
    Text = 0,

    /// <summary>The subject line of an e-mail or the title of a push notification.</summary>
    Subject,

    /// <summary>The HTML body of an e-mail; optional, made from the text when absent.</summary>
    Html,
}
