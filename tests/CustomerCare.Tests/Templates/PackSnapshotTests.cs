using System.Globalization;
using System.Text;
using CustomerCare.Templates;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace CustomerCare.Tests.Templates;

public sealed class PackSnapshotTests
{
    public static TheoryData<string> PackKeys()
    {
        var data = new TheoryData<string>();
        foreach (var key in TemplateTestData.Pack.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal))
        {
            data.Add(key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PackKeys))]
    public void Preview_EveryPackTemplate_MatchesItsSnapshotUnderTurkishAndEnglishCulture(string name)
    {
        var key = TemplateTestData.Pack.Keys.Single(k => k.ToString() == name);
        var renderer = new TemplateRenderer(TemplateTestData.Pack);
        var underTurkish = Format(RenderUnder("tr-TR", renderer, key));
        var underEnglish = Format(RenderUnder("en-US", renderer, key));

        Assert.Equal(underTurkish, underEnglish);
        Snapshot.Match(underTurkish, new SnapshotNameExtension(name.Replace('/', '_')));
    }

    [Fact]
    public void RegisterBuiltInPack_HoldsEveryKindToneAndLocaleTheBriefAsksFor()
    {
        var keys = TemplateTestData.Pack.Keys.ToHashSet();
        foreach (var locale in new[] { "tr", "en" })
        {
            foreach (var tone in Enum.GetValues<CustomerCare.Policy.ToneOfVoice>())
            {
                foreach (var kind in Enum.GetValues<TemplateKind>())
                {
                    Assert.Contains(TemplateTestData.Key(kind, locale, tone, MessageChannel.Email), keys);
                    Assert.Contains(TemplateTestData.Key(kind, locale, tone, MessageChannel.Sms), keys);
                }

                Assert.Contains(TemplateTestData.Key(TemplateKind.Acknowledgement, locale, tone, MessageChannel.PublicSocialReply), keys);
                Assert.Contains(TemplateTestData.Key(TemplateKind.Apology, locale, tone, MessageChannel.PublicSocialReply), keys);
            }
        }

        // 17 kinds x (e-mail, SMS) x 2 languages x 3 tones, plus 2 public replies x 2 languages x 3 tones.
        Assert.Equal(216, keys.Count);
    }

    private static RenderedMessage RenderUnder(string culture, TemplateRenderer renderer, TemplateKey key)
    {
        var before = CultureInfo.CurrentCulture;
        var beforeUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return renderer.Preview(key);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    private static string Format(RenderedMessage message)
    {
        var builder = new StringBuilder();
        builder.Append("key: ").Append(message.Resolved.ToString()).Append('\n');
        if (message.Subject is not null)
        {
            builder.Append("subject: ").Append(message.Subject).Append('\n');
        }

        if (message.Sms is { } sms)
        {
            builder.Append(CultureInfo.InvariantCulture, $"sms: {sms.Encoding}, {sms.Units} units, {sms.Segments} segments\n");
        }

        builder.Append("--- text\n").Append(message.Text).Append('\n');
        if (message.Html is not null)
        {
            builder.Append("--- html\n").Append(message.Html);
        }

        return builder.ToString();
    }
}
