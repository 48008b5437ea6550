using NodaTime;
using Scriban.Runtime;

namespace CustomerCare.Templates;

/// <summary>The values a template is rendered with, built by <see cref="TemplateModelBuilder"/>; immutable.</summary>
/// <remarks>Safe to share between threads and renders: a render writes its own variables to a separate scope.</remarks>
public sealed class TemplateModel
{
    internal TemplateModel(ScriptObject values, DateTimeZone timeZone)
    {
        Values = values;
        TimeZone = timeZone;
    }

    /// <summary>The customer's time zone; the <c>date</c> helper shows instants in it.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The names of the top-level values.</summary>
    public IEnumerable<string> Names => Values.Keys;

    internal ScriptObject Values { get; }
}
