using System.Text;
using CustomerCare.Webhooks.Tests.Support;
using NodaTime;

namespace CustomerCare.Webhooks.Tests;

public sealed class SignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"ack/CMP-1/webhook","body":"Şikâyetiniz alındı"}""");
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 9, 30);
    private static readonly long Timestamp = Now.ToUnixTimeSeconds();

    [Fact]
    public void Sign_MatchesTheDocumentedScheme_ComputedIndependently()
    {
        var header = new WebhookSigner([Secrets.Current]).Sign(Timestamp, Body);

        Assert.Equal("v1=" + Secrets.Hmac(Secrets.Current, Timestamp, Body), header);
    }

    [Fact]
    public void Sign_WithTwoSecrets_WritesOneItemPerSecret_CurrentFirst()
    {
        var header = new WebhookSigner([Secrets.Current, Secrets.Previous]).Sign(Timestamp, Body);

        Assert.Equal($"v1={Secrets.Hmac(Secrets.Current, Timestamp, Body)}, v1={Secrets.Hmac(Secrets.Previous, Timestamp, Body)}", header);
    }

    [Fact]
    public void Verify_AcceptsWhatSignMakes_AndAnIndependentlyComputedSignature()
    {
        var signer = new WebhookSigner([Secrets.Current]);
        var stamp = Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(WebhookSignatureStatus.Valid, signer.Verify(Body, stamp, signer.Sign(Timestamp, Body), Now, Duration.FromMinutes(5)));
        Assert.Equal(WebhookSignatureStatus.Valid, signer.Verify(Body, stamp, "v1=" + Secrets.Hmac(Secrets.Current, Timestamp, Body), Now, Duration.FromMinutes(5)));
    }

    [Fact]
    public void Verify_DuringRotation_AcceptsEitherSecret_AndIgnoresOtherSchemes()
    {
        var receiver = new WebhookSigner([Secrets.Current, Secrets.Previous]);
        var oldSender = new WebhookSigner([Secrets.Previous]);
        var stamp = Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(WebhookSignatureStatus.Valid, receiver.Verify(Body, stamp, "v2=abc, " + oldSender.Sign(Timestamp, Body), Now, Duration.FromMinutes(5)));
    }

    [Theory]
    [InlineData("tampered", WebhookSignatureStatus.Mismatch)]
    [InlineData("wrong-secret", WebhookSignatureStatus.Mismatch)]
    [InlineData("stale", WebhookSignatureStatus.OutsideTolerance)]
    [InlineData("future", WebhookSignatureStatus.OutsideTolerance)]
    [InlineData("no-signature", WebhookSignatureStatus.Missing)]
    [InlineData("bad-timestamp", WebhookSignatureStatus.Malformed)]
    [InlineData("short-hex", WebhookSignatureStatus.Malformed)]
    public void Verify_RefusesEachKindOfBadRequest(string kind, WebhookSignatureStatus expected)
    {
        var signer = new WebhookSigner([Secrets.Current]);
        var body = kind == "tampered" ? Encoding.UTF8.GetBytes("""{"id":"ack/CMP-1/webhook","body":"Şikâyetiniz alındı!"}""") : Body;
        var timestamp = kind switch { "stale" => Timestamp - 301, "future" => Timestamp + 301, _ => Timestamp };
        var signature = kind switch
        {
            "wrong-secret" => new WebhookSigner([Secrets.Stranger]).Sign(timestamp, Body),
            "no-signature" => null,
            "short-hex" => "v1=abcdef",
            _ => signer.Sign(timestamp, Body),
        };
        var stamp = kind == "bad-timestamp" ? "2027-03-01T09:30:00Z" : timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, signer.Verify(body, stamp, signature, Now, Duration.FromMinutes(5)));
    }

    [Fact]
    public void TheConstructor_RefusesShortSecrets_WithoutEchoingThem()
    {
        var refused = Assert.Throws<FieldValidationException>(() => new WebhookSigner(["short-secret"]));

        Assert.Equal("field 'secrets:0': value '(12 characters)' is too short; a secret has at least 16 characters", Assert.Single(refused.Errors).Message);
        Assert.DoesNotContain("short-secret", refused.Message, StringComparison.Ordinal);
    }
}
