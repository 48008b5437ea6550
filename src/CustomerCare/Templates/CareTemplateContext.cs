using System.Globalization;
using NodaTime;
using Scriban;
using Scriban.Runtime;

namespace CustomerCare.Templates;

/// <summary>A render's context: the sandbox settings plus the customer's culture and zone for the helpers.</summary>
internal sealed class CareTemplateContext : TemplateContext
{
    public CareTemplateContext(ScriptObject builtins, CultureInfo culture, DateTimeZone zone, CancellationToken cancellationToken)
        : base(builtins)
    {
        Culture = culture;
        Zone = zone;
        StrictVariables = true;
        LoopLimit = TemplateLimits.LoopLimit;
        LoopLimitQueryable = TemplateLimits.LoopLimit;
        RecursiveLimit = TemplateLimits.RecursiveLimit;
        LimitToString = TemplateLimits.LimitToString;
        ObjectRecursionLimit = TemplateLimits.RecursiveLimit;
        RegexTimeOut = TemplateLimits.RegexTimeout;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedFunctionAccess = false;

        // No .NET member is ever visible: models are ScriptObjects, so member access on anything else is refused.
        MemberFilter = static _ => false;
        TemplateLoader = null;
        CancellationToken = cancellationToken;
        PushCulture(culture);
    }

    public CultureInfo Culture { get; }

    public DateTimeZone Zone { get; }
}
