using System.Text;
using CustomerCare.Complaints;
using CustomerCare.Webhooks.Tests.Support;
using NodaTime;

namespace CustomerCare.Webhooks.Tests;

/// <summary>Signed posts to the mapped routes on a real Kestrel server, with a real HttpClient; complaints read back from the store.</summary>
public sealed class InboundWebhookTests
{
    [Fact]
    public async Task ComplaintSite_ASignedPost_BecomesAPublicComplaint_AndARedeliveryAfterTheWindowIsTheSameOne()
    {
        await using var host = await InboundHost.StartAsync();

        var reply = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite());

        Assert.Equal((201, "application/json"), (reply.Status, reply.ContentType));
        var complaint = (await host.Complaints.FindBySourceAsync(ComplaintChannel.ComplaintSite, "8812345"))!;
        Assert.Equal(
            ("Kargom 10 gündür gelmedi", "Ayşe K.", true, Instant.FromUtc(2027, 3, 1, 8, 15), "ORD-1001"),
            (complaint.Title, complaint.AuthorHandle, complaint.IsPublic, complaint.ReceivedAt, complaint.OrderId?.Value));
        Assert.Equal(complaint.Id.Value, reply.Json.GetProperty("complaints")[0].GetProperty("id").GetString());

        host.Clock.Advance(Duration.FromMinutes(11));
        var again = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite());

        Assert.Equal(200, again.Status);
        Assert.False(again.Json.GetProperty("complaints")[0].GetProperty("new").GetBoolean());
    }

    [Fact]
    public async Task ComplaintSite_APrivateComplaint_IsNotPublic_AndAnOldSecretStillVerifiesDuringRotation()
    {
        await using var host = await InboundHost.StartAsync();

        var reply = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite(id: "\"SV-77\"", visibility: "private"), secret: Secrets.Previous);

        Assert.Equal(201, reply.Status);
        Assert.False((await host.Complaints.FindBySourceAsync(ComplaintChannel.ComplaintSite, "SV-77"))!.IsPublic);
    }

    [Fact]
    public async Task ContactForm_FormUrlEncoded_AndJson_BothBecomePrivateComplaints()
    {
        await using var host = await InboundHost.StartAsync();
        const string form = "id=web-501&name=Ay%C5%9Fe+Y%C4%B1lmaz&email=ayse%40example.com.tr&subject=%C4%B0ade&message=%C3%9Cr%C3%BCn+bozuk+geldi%2C+iade+istiyorum.&order_number=ORD-2002";

        var posted = await host.PostAsync("/inbound/form", form, "application/x-www-form-urlencoded");
        var json = await host.PostAsync("/inbound/form", """{"id":"web-502","email":"can@example.com","message":"Kuponum çalışmıyor."}""", "application/json; charset=utf-8");

        Assert.Equal((201, 201), (posted.Status, json.Status));
        var fromForm = (await host.Complaints.FindBySourceAsync(ComplaintChannel.ContactForm, "web-501"))!;
        Assert.Equal(("Ayşe Yılmaz", "İade", "Ürün bozuk geldi, iade istiyorum.", false), (fromForm.AuthorHandle, fromForm.Title, fromForm.Text, fromForm.IsPublic));
        Assert.NotNull(await host.Complaints.FindBySourceAsync(ComplaintChannel.ContactForm, "web-502"));
    }

    [Fact]
    public async Task SocialX_AMention_BecomesAComplaint_ByTheAuthorsHandle()
    {
        await using var host = await InboundHost.StartAsync();

        var reply = await host.PostAsync("/inbound/social/x", Payloads.X);

        Assert.Equal(201, reply.Status);
        var complaint = (await host.Complaints.FindBySourceAsync(ComplaintChannel.Twitter, "1894567890123456789"))!;
        Assert.Equal(("@ayse_k", true, ComplaintCategory.Damaged), (complaint.AuthorHandle, complaint.IsPublic, complaint.Category));
    }

    [Fact]
    public async Task SocialFacebook_EachAddedPostOrComment_BecomesAComplaint_AndReactionsAreIgnored()
    {
        await using var host = await InboundHost.StartAsync();

        var reply = await host.PostAsync("/inbound/social/facebook", Payloads.Facebook);

        Assert.Equal(201, reply.Status);
        Assert.Equal(2, reply.Json.GetProperty("complaints").GetArrayLength());
        var comment = (await host.Complaints.FindBySourceAsync(ComplaintChannel.Facebook, "104857600000001_1_77"))!;
        Assert.Equal(("Mehmet Y.", Instant.FromUnixTimeSeconds(1803790000)), (comment.AuthorHandle, comment.ReceivedAt));
        Assert.NotNull(await host.Complaints.FindBySourceAsync(ComplaintChannel.Facebook, "104857600000001_2"));
    }

    [Fact]
    public async Task ATamperedBody_IsRefused401_SignatureMismatch_AndNothingIsStored()
    {
        await using var host = await InboundHost.StartAsync();

        var reply = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite(), tamper: b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("İade istiyorum", "Para istiyorum", StringComparison.Ordinal)));

        Assert.Equal((401, "application/problem+json", "signature_mismatch"), (reply.Status, reply.ContentType, reply.Code));
        Assert.Equal([WebhookHeaders.Signature], reply.Fields);
        Assert.Null(await host.Complaints.FindBySourceAsync(ComplaintChannel.ComplaintSite, "8812345"));
    }

    [Fact]
    public async Task AWrongSecret_IsRefused401_SignatureMismatch()
    {
        await using var host = await InboundHost.StartAsync();

        var reply = await host.PostAsync("/inbound/social/x", Payloads.X, secret: Secrets.Stranger);

        Assert.Equal((401, "signature_mismatch"), (reply.Status, reply.Code));
    }

    [Fact]
    public async Task AnUnsignedPost_ToASignedSource_IsRefused401_SignatureMissing_NamingTheHeader()
    {
        await using var host = await InboundHost.StartAsync();

        var reply = await host.PostAsync("/inbound/social/x", Payloads.X, secret: null);

        Assert.Equal((401, "signature_missing"), (reply.Status, reply.Code));
        Assert.Equal([WebhookHeaders.Timestamp], reply.Fields);
    }

    [Fact]
    public async Task AStaleTimestamp_IsRefused401_StaleTimestamp()
    {
        await using var host = await InboundHost.StartAsync();
        var sixMinutesAgo = (host.Clock.GetCurrentInstant() - Duration.FromMinutes(6)).ToUnixTimeSeconds();

        var reply = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite(), timestamp: sixMinutesAgo);

        Assert.Equal((401, "stale_timestamp"), (reply.Status, reply.Code));
        Assert.Contains("is more than 00:05:00 from the server's clock", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplayedId_InsideTheWindow_IsRefused409_EvenWithAFreshSignature()
    {
        await using var host = await InboundHost.StartAsync();
        var first = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite());
        host.Clock.Advance(Duration.FromSeconds(30));

        var replayed = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite());

        Assert.Equal((201, 409, "replayed"), (first.Status, replayed.Status, replayed.Code));
        Assert.Equal(["id"], replayed.Fields);
    }

    [Fact]
    public async Task MalformedJson_IsRefused400_WithTheLineAndPosition()
    {
        await using var host = await InboundHost.StartAsync();
        const string body = "{\n  \"complaint\": {\n    \"id\": 1,\n    \"title\": \"Kargo\"\n    \"text\": \"eksik virgül\"\n  }\n}";

        var reply = await host.PostAsync("/inbound/complaint-site", body);

        Assert.Equal((400, "malformed_payload"), (reply.Status, reply.Code));
        Assert.Equal((5, 5), (reply.Json.GetProperty("line").GetInt32(), reply.Json.GetProperty("position").GetInt32()));
        Assert.Contains("is not valid JSON at line 5, position 5", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingRequiredField_IsRefused422_NamingItsJsonPath()
    {
        await using var host = await InboundHost.StartAsync();

        var reply = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite(title: "null"));

        Assert.Equal((422, "invalid_fields"), (reply.Status, reply.Code));
        Assert.Equal(["$.complaint.title"], reply.Fields);
        Assert.Equal("field '$.complaint.title': value (missing) is required", reply.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task AFieldOfTheWrongKind_AndABadEmail_AreRefused422_EachNamed()
    {
        await using var host = await InboundHost.StartAsync();
        var body = Payloads.ComplaintSite(title: "42").Replace("ayse.k@example.com.tr", "ayse.k.example.com.tr", StringComparison.Ordinal);

        var reply = await host.PostAsync("/inbound/complaint-site", body);

        Assert.Equal(422, reply.Status);
        Assert.Equal(["$.complaint.title", "$.complaint.author.email"], reply.Fields);
    }

    [Fact]
    public async Task GarbledBytes_AreRefused400_MalformedEncoding()
    {
        await using var host = await InboundHost.StartAsync();
        var body = Encoding.UTF8.GetBytes(Payloads.ComplaintSite());
        body[40] = 0xFF;

        var reply = await host.PostAsync("/inbound/complaint-site", body);

        Assert.Equal((400, "malformed_encoding"), (reply.Status, reply.Code));
    }

    [Fact]
    public async Task AWrongContentType_IsRefused415()
    {
        await using var host = await InboundHost.StartAsync();

        var reply = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite(), "text/plain");
        var latin = await host.PostAsync("/inbound/complaint-site", Payloads.ComplaintSite(), "application/json; charset=iso-8859-9");

        Assert.Equal((415, "unsupported_media_type", 415), (reply.Status, reply.Code, latin.Status));
        Assert.Equal(["Content-Type"], reply.Fields);
    }

    [Fact]
    public async Task AnOversizeBody_IsRefused413_WithoutBeingRead()
    {
        await using var host = await InboundHost.StartAsync();
        var body = Payloads.ComplaintSite(title: "\"" + new string('a', 5000) + "\"");

        var reply = await host.PostAsync("/inbound/complaint-site", body);

        Assert.Equal((413, "payload_too_large"), (reply.Status, reply.Code));
    }

    [Fact]
    public async Task DeepNesting_IsRefused400_NestingTooDeep_WithItsPosition()
    {
        await using var host = await InboundHost.StartAsync();
        var body = "{\"complaint\":" + string.Concat(Enumerable.Repeat("{\"a\":", 20)) + "1" + new string('}', 21);

        var reply = await host.PostAsync("/inbound/complaint-site", body);

        Assert.Equal((400, "nesting_too_deep"), (reply.Status, reply.Code));
        Assert.Equal((1, 1 + 13 + 15 * 5), (reply.Json.GetProperty("line").GetInt32(), reply.Json.GetProperty("position").GetInt32()));
    }

    [Fact]
    public async Task AnUnsignedSource_AcceptsUnsignedPosts_AndADisabledOneAnswers404()
    {
        await using var host = await InboundHost.StartAsync(o =>
        {
            o.Sources[InboundSources.ContactForm] = new InboundSourceOptions();
            o.Sources[InboundSources.Facebook] = new InboundSourceOptions { Enabled = false };
        });

        var form = await host.PostAsync("/inbound/form", "email=a%40example.com&message=Merhaba", "application/x-www-form-urlencoded", secret: null);
        var facebook = await host.PostAsync("/inbound/social/facebook", Payloads.Facebook);

        Assert.Equal((201, 404, "unknown_source"), (form.Status, facebook.Status, facebook.Code));
    }

    [Fact]
    public async Task ContactForm_ABadPercentEscape_IsRefused400_WithItsPosition_AndARepeatedField422()
    {
        await using var host = await InboundHost.StartAsync();

        var badEscape = await host.PostAsync("/inbound/form", "email=a%40example.com&message=bozuk%ZZ", "application/x-www-form-urlencoded");
        var twice = await host.PostAsync("/inbound/form", "email=a%40example.com&message=bir&message=iki", "application/x-www-form-urlencoded");

        Assert.Equal((400, "malformed_payload", 36), (badEscape.Status, badEscape.Code, badEscape.Json.GetProperty("position").GetInt32()));
        Assert.Equal((422, "invalid_fields"), (twice.Status, twice.Code));
        Assert.Equal(["message"], twice.Fields);
    }
}
