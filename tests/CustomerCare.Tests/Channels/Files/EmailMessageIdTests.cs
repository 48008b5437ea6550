using CustomerCare.Channels.Files;

namespace CustomerCare.Tests.Channels.Files;

public sealed class EmailMessageIdTests
{
    [Fact]
    public void TheLocalPart_IsAReadablePrefixAndAHash_AndTheSameEveryTime()
    {
        var local = EmailMessageId.LocalPart("ack/CMP-7KQ2/email");

        Assert.Matches("^ack-CMP-7KQ2-email\\.[0-9a-f]{32}$", local);
        Assert.Equal(local, EmailMessageId.LocalPart("ack/CMP-7KQ2/email"));
        Assert.Equal(local + "@care.example.com", EmailMessageId.Create("ack/CMP-7KQ2/email", "Care.Example.COM"));
    }

    [Theory]
    [InlineData("ack/CMP-1/email", "ack-CMP-1-email")]
    [InlineData("ack CMP:1 email", "ack-CMP-1-email")]
    [InlineData("//şikâyet//İ", "ik-yet")]
    [InlineData("ııı", "m")]
    [InlineData("bday/c-1001/2027-02-28/email/with/a/very/long/tail/that/goes/on", "bday-c-1001-2027-02-28-email-with-a-very")]
    public void IdsThatShareAReadablePrefix_StillGetDistinctLocalParts(string id, string readable)
    {
        var local = EmailMessageId.LocalPart(id);

        Assert.Equal(readable, local[..local.IndexOf('.', StringComparison.Ordinal)]);
        Assert.NotEqual(EmailMessageId.LocalPart(id + "x"), local);
    }

    [Fact]
    public void AnInternationalDomain_IsWrittenInItsAsciiForm()
    {
        Assert.True(EmailMessageId.TryNormalizeDomain("Mağaza.Example.com.TR", out var ascii, out _));

        Assert.Equal("xn--maaza-l1a.example.com.tr", ascii);
    }

    [Theory]
    [InlineData("", "required", "field 'MessageIdDomain': value '' is required")]
    [InlineData("-shop.example", "malformed", "field 'MessageIdDomain': value '-shop.example' is not a domain name: labels of letters, digits and inner hyphens separated by single dots are expected")]
    [InlineData("shop..example", "malformed", "field 'MessageIdDomain': value 'shop..example' is not a domain name: labels of letters, digits and inner hyphens separated by single dots are expected")]
    [InlineData("shop example", "malformed", "field 'MessageIdDomain': value 'shop example' is not a domain name: labels of letters, digits and inner hyphens separated by single dots are expected")]
    public void ABadDomain_IsRefused_NamingTheFieldAndValue(string domain, string code, string message)
    {
        Assert.False(EmailMessageId.TryNormalizeDomain(domain, out _, out var error, "MessageIdDomain"));

        Assert.Equal((code, message), (error.Code, error.Message));
        Assert.Throws<FieldValidationException>(() => EmailMessageId.Create("id", domain));
    }
}
