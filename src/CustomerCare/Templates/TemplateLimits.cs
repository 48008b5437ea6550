namespace CustomerCare.Templates;

/// <summary>The sandbox limits every render runs under; a template that reaches one fails with <see cref="TemplateFailure.Render"/>.</summary>
public static class TemplateLimits
{
    /// <summary>The longest template source accepted, in characters.</summary>
    public const int MaxSourceLength = 100_000;

    /// <summary>The most loop iterations of one render, all loops together.</summary>
    public const int LoopLimit = 1000;

    /// <summary>The deepest function recursion.</summary>
    public const int RecursiveLimit = 20;

    /// <summary>The longest string one expression may build, in characters (256 KB).</summary>
    public const int LimitToString = 256 * 1024;

    /// <summary>How long one regular-expression call of a template may run.</summary>
    public static TimeSpan RegexTimeout { get; } = TimeSpan.FromMilliseconds(100);
}
