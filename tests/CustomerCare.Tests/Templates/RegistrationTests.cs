using CustomerCare.Policy;
using CustomerCare.Templates;
using Xunit;

namespace CustomerCare.Tests.Templates;

public sealed class RegistrationTests
{
    [Fact]
    public void Register_SyntaxError_NamesKeyLineAndColumn()
    {
        var catalog = new TemplateCatalog();
        var key = TemplateTestData.SmsAck();

        var error = Assert.Throws<TemplateException>(() => catalog.Register(key, "Merhaba\n{{ if }}"));

        Assert.Equal(TemplateFailure.Syntax, error.Failure);
        Assert.Equal(key, error.Key);
        Assert.Equal(TemplatePart.Text, error.Part);
        Assert.Equal(2, error.Line);
        Assert.NotNull(error.Column);
        Assert.Contains("acknowledgement/tr/formal/sms", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2, column", error.Message, StringComparison.Ordinal);
        Assert.False(catalog.Contains(key));
    }

    [Fact]
    public void Register_MisspeltVariable_IsCaughtAtRegistrationWithItsPosition()
    {
        var catalog = new TemplateCatalog();
        var key = TemplateTestData.SmsAck();

        var error = Assert.Throws<TemplateException>(() => catalog.Register(key, "Kayıt {{ ticket }}\nSayın {{ custmer_name }}"));

        Assert.Equal(TemplateFailure.Render, error.Failure);
        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
        Assert.Contains("custmer_name", error.Message, StringComparison.Ordinal);
        Assert.False(catalog.Contains(key));
    }

    [Fact]
    public void RegisterFile_ErrorInTheTextSection_PointsAtTheLineOfTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "cc-template-" + Guid.NewGuid().ToString("N") + ".scriban");
        try
        {
            File.WriteAllText(path, "=== subject\nBaşvurunuz {{ ticket }}\n=== text\nSayın {{ customer_name }},\n\n{{ for x in }}\n");
            var key = TemplateTestData.Key(TemplateKind.Acknowledgement, "tr", ToneOfVoice.Formal, MessageChannel.Email);

            var error = Assert.Throws<TemplateException>(() => new TemplateCatalog().RegisterFile(key, path));

            Assert.Equal(TemplateFailure.Syntax, error.Failure);
            Assert.Equal(path, error.Origin);
            Assert.Equal(6, error.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RegisterFile_ValidEmail_RendersSubjectTextAndHtml()
    {
        var path = Path.Combine(Path.GetTempPath(), "cc-template-" + Guid.NewGuid().ToString("N") + ".scriban");
        try
        {
            File.WriteAllText(path, "=== subject\nBaşvurunuz {{ ticket }}\n=== text\nSayın {{ customer_name }},\n\n<b>{{ topic }}</b>\n");
            var key = TemplateTestData.Key(TemplateKind.Acknowledgement, "tr", ToneOfVoice.Formal, MessageChannel.Email);
            var catalog = new TemplateCatalog();
            catalog.RegisterFile(key, path);

            var message = new TemplateRenderer(catalog).Preview(key);

            Assert.Equal("Başvurunuz 48213", message.Subject);
            Assert.Equal("Sayın Ayşe Yılmaz,\n\n<b>Geciken kargo</b>", message.Text);
            Assert.Contains("<p>&lt;b&gt;Geciken kargo&lt;/b&gt;</p>", message.Html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Register_SourceOverTheLimit_IsRefusedAsTooLong()
    {
        var error = Assert.Throws<TemplateException>(() =>
            new TemplateCatalog().Register(TemplateTestData.SmsAck(), new TemplateSource(new string('a', TemplateLimits.MaxSourceLength + 1))));

        Assert.Equal(TemplateFailure.TooLong, error.Failure);
    }

    [Fact]
    public void Register_EmailWithoutSubject_IsRefusedAsMalformed()
    {
        var key = TemplateTestData.Key(TemplateKind.Acknowledgement, "tr", ToneOfVoice.Formal, MessageChannel.Email);

        var error = Assert.Throws<TemplateException>(() => new TemplateCatalog().Register(key, new TemplateSource("Kayıt {{ ticket }}")));

        Assert.Equal(TemplateFailure.Malformed, error.Failure);
        Assert.Equal(TemplatePart.Subject, error.Part);
    }

    [Fact]
    public void Register_SmsWithSubject_IsRefusedAsMalformed()
    {
        var error = Assert.Throws<TemplateException>(() => new TemplateCatalog().Register(TemplateTestData.SmsAck(), new TemplateSource("Kayıt", Subject: "Konu")));

        Assert.Equal(TemplateFailure.Malformed, error.Failure);
    }

    [Fact]
    public void ModelBuilder_ReservedOrMalformedName_IsRefused()
    {
        var builder = new TemplateModelBuilder();

        Assert.Throws<FieldValidationException>(() => builder.Text("money", "x"));
        Assert.Throws<FieldValidationException>(() => builder.Text("Order-Number", "x"));
        builder.Text("order_number", "x");
        Assert.Throws<FieldValidationException>(() => builder.Text("order_number", "y"));
    }
}
