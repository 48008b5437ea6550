using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Templates;

namespace CustomerCare.Tests.Templates;

/// <summary>Keys and a shared catalog holding the built-in pack (parsed once for the whole test run).</summary>
internal static class TemplateTestData
{
    private static readonly Lazy<TemplateCatalog> PackCatalog = new(() =>
    {
        var catalog = new TemplateCatalog();
        catalog.RegisterBuiltInPack();
        return catalog;
    });

    public static TemplateCatalog Pack => PackCatalog.Value;

    public static TemplateKey Key(TemplateKind kind, string locale, ToneOfVoice tone, MessageChannel channel) =>
        new(kind, Locale.Parse(locale), tone, channel);

    public static TemplateKey SmsAck(string locale = "tr", ToneOfVoice tone = ToneOfVoice.Formal) =>
        Key(TemplateKind.Acknowledgement, locale, tone, MessageChannel.Sms);
}
