using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Templates;
using Xunit;

namespace CustomerCare.Tests.Templates;

public sealed class FallbackTests
{
    [Fact]
    public void FallbackChain_TurkishTurkeyFriendly_TriesToneThenLanguageThenDefault()
    {
        var chain = new TemplateCatalog().FallbackChain(TemplateTestData.SmsAck("tr-TR", ToneOfVoice.Friendly));

        Assert.Equal(
            ["acknowledgement/tr-TR/friendly/sms", "acknowledgement/tr-TR/formal/sms", "acknowledgement/tr/friendly/sms", "acknowledgement/tr/formal/sms"],
            chain.Select(k => k.ToString()));
    }

    [Fact]
    public void FallbackChain_EnglishUsWitty_EndsWithTheDefaultLocale()
    {
        var chain = new TemplateCatalog().FallbackChain(TemplateTestData.SmsAck("en-US", ToneOfVoice.Witty));

        Assert.Equal(
            ["en-US/witty", "en-US/formal", "en/witty", "en/formal", "tr/witty", "tr/formal"],
            chain.Select(k => k.Locale.Name + "/" + k.Tone.ToString().ToLowerInvariant()));
    }

    [Fact]
    public void Render_TurkishTurkeyKey_UsesTheTurkishPackVariant()
    {
        var resolved = TemplateTestData.Pack.ResolveKey(TemplateTestData.SmsAck("tr-TR", ToneOfVoice.Friendly));

        Assert.Equal(TemplateTestData.SmsAck("tr", ToneOfVoice.Friendly), resolved);
    }

    [Fact]
    public void Render_MissingTone_FallsBackToTheDefaultTone()
    {
        var catalog = new TemplateCatalog();
        catalog.Register(TemplateTestData.SmsAck("tr"), "Kayıt {{ ticket }}");

        var message = new TemplateRenderer(catalog).Preview(TemplateTestData.SmsAck("tr-TR", ToneOfVoice.Witty));

        Assert.Equal(TemplateTestData.SmsAck("tr"), message.Resolved);
        Assert.Equal("Kayıt 48213", message.Text);
    }

    [Fact]
    public void Render_UnknownLanguage_FallsBackToTheDefaultLocale()
    {
        var resolved = TemplateTestData.Pack.ResolveKey(TemplateTestData.SmsAck("de-DE", ToneOfVoice.Friendly));

        Assert.Equal(TemplateTestData.SmsAck("tr", ToneOfVoice.Friendly), resolved);
    }

    [Fact]
    public void Render_DefaultLocaleOption_ChangesTheEndOfTheChain()
    {
        var catalog = new TemplateCatalog(new TemplateOptions { DefaultLocale = Locale.Parse("en") });
        catalog.RegisterBuiltInPack();

        Assert.Equal(TemplateTestData.SmsAck("en"), catalog.ResolveKey(TemplateTestData.SmsAck("de-DE")));
    }

    [Fact]
    public void Render_NoVariantAnywhere_ThrowsNotFoundNamingTheKeyAndTheChain()
    {
        var key = TemplateTestData.Key(TemplateKind.BreachNotice, "tr-TR", ToneOfVoice.Friendly, MessageChannel.Push);

        var error = Assert.Throws<TemplateNotFoundException>(() => new TemplateRenderer(TemplateTestData.Pack).Preview(key));

        Assert.Equal(TemplateFailure.NotFound, error.Failure);
        Assert.Equal(key, error.Key);
        Assert.Equal(4, error.Tried.Count);
        Assert.Contains("breach_notice/tr-TR/friendly/push", error.Message, StringComparison.Ordinal);
        Assert.Contains("breach_notice/tr/formal/push", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_SameKeyAfterThePack_OverridesTheBuiltInTemplate()
    {
        var catalog = new TemplateCatalog();
        catalog.RegisterBuiltInPack();
        catalog.Register(TemplateTestData.SmsAck("tr"), "Başvurunuz alındı: {{ ticket }}");

        var message = new TemplateRenderer(catalog).Preview(TemplateTestData.SmsAck("tr-TR"));

        Assert.Equal("Başvurunuz alındı: 48213", message.Text);
    }
}
