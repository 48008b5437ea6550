using CustomerCare.Templates;
using Xunit;

namespace CustomerCare.Tests.Templates;

/// <summary>Hostile templates end with a typed error, found when they are registered; the process goes on.</summary>
public sealed class SandboxTests
{
    [Theory]
    [InlineData("{{ for i in 1..100000000 }}x{{ end }}")]
    [InlineData("{{ while true }}x{{ end }}")]
    [InlineData("{{ for i in 1..1000 }}{{ for j in 1..1000 }}x{{ end }}{{ end }}")]
    [InlineData("{{ a = [] | array.insert_at 100000000 1 }}{{ a | array.size }}")]
    [InlineData("{{ \"a\" * 100000000 }}")]
    [InlineData("{{ x = \"ab\" * 100000000 }}{{ x | string.size }}")]
    [InlineData("{{ func f; f; end; f }}")]
    [InlineData("{{ func f(n); ret f(n + 1); end; f 0 }}")]
    [InlineData("{{ \"a\" | string.pad_left 100000000 }}")]
    [InlineData("{{ \"a\" | string.pad_right 100000000 }}")]
    [InlineData("{{ customer_name.GetType }}")]
    [InlineData("{{ customer_name.Length }}")]
    [InlineData("{{ ticket.GetType.Assembly }}")]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ include 'secret.txt' }}")]
    [InlineData("{{ money.Method }}")]
    public void Register_HostileTemplate_EndsWithATypedRenderError(string hostile)
    {
        var catalog = new TemplateCatalog();
        var key = TemplateTestData.SmsAck();

        var error = Assert.Throws<TemplateException>(() => catalog.Register(key, hostile));

        Assert.Equal(TemplateFailure.Render, error.Failure);
        Assert.Equal(key, error.Key);
        Assert.False(catalog.Contains(key));
    }

    [Fact]
    public void Register_BuiltInFunctionOverwritten_IsRefused()
    {
        var error = Assert.Throws<TemplateException>(() => new TemplateCatalog().Register(TemplateTestData.SmsAck(), "{{ string.upcase = 1 }}x"));

        Assert.Equal(TemplateFailure.Render, error.Failure);
    }

    [Fact]
    public void Render_AssignmentInATemplate_DoesNotChangeTheSharedModel()
    {
        var catalog = new TemplateCatalog();
        catalog.Register(TemplateTestData.SmsAck(), "{{ ticket = 'X' }}{{ ticket }}");
        var renderer = new TemplateRenderer(catalog);

        Assert.Equal("X", renderer.Preview(TemplateTestData.SmsAck()).Text);
        catalog.Register(TemplateTestData.SmsAck(), "{{ ticket }}");
        Assert.Equal("48213", renderer.Preview(TemplateTestData.SmsAck()).Text);
    }

    [Theory]
    [InlineData("{{ items[0].name = 'x' }}{{ items[0].name }}")]
    [InlineData("{{ items[0] = 'x' }}{{ items[0] }}")]
    [InlineData("{{ items | array.add 'x' | array.size }}{{ items.size }}")]
    public void Register_TemplateChangingANestedModelValue_LeavesTheSharedSampleIntact(string template)
    {
        var key = TemplateTestData.Key(TemplateKind.OrderShipped, "tr", CustomerCare.Policy.ToneOfVoice.Formal, MessageChannel.Sms);
        var catalog = new TemplateCatalog();

        var error = Record.Exception(() => catalog.Register(key, template));
        catalog.Register(key, "{{ items[0].name }} {{ items | array.size }}");

        Assert.True(error is null or TemplateException);
        Assert.Equal("Keten gömlek 2", new TemplateRenderer(catalog).Preview(key).Text);
    }

    [Fact]
    public void Render_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var renderer = new TemplateRenderer(TemplateTestData.Pack);

        Assert.ThrowsAny<OperationCanceledException>(() => renderer.Preview(TemplateTestData.SmsAck(), cancelled.Token));
    }
}
