using System.Text.Json;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Privacy;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Privacy.Export;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IPersonalDataHolder"/>, run across every store at once: a customer
/// whose e-mail, phone and Turkish name appear in the profile, a complaint, a survey answer, a review and outbox
/// messages, with a coupon grant, a redemption, a compensation and a segment membership, is exported and erased; then a
/// search of the raw storage for each value finds nothing, while totals and usage counts are unchanged.
/// </summary>
/// <remarks>
/// <para>Derive it once per storage plugin. <see cref="CreateServicesAsync"/> returns a service provider with
/// <c>AddCustomerCare</c> and the plugin's stores (a plugin that replaces one store keeps the in-memory others), and
/// <see cref="SearchAllAsync"/> searches the plugin's RAW storage (every text column of every table, the database
/// files), not its API, so that data the API no longer shows but the storage still keeps is found.</para>
/// <para>The cross-store shape fits the one-suite-per-contract rule: every store class that implements
/// <see cref="IPersonalDataHolder"/> is covered by this one suite.</para>
/// </remarks>
[ConformanceSuite(typeof(IPersonalDataHolder))]
public abstract partial class PersonalDataErasureConformanceTests
{
    /// <summary>Creates the services for one test: <c>AddCustomerCare</c>, the plugin's stores over fresh, isolated storage, and <paramref name="clock"/> as the <see cref="IClock"/>.</summary>
    /// <param name="clock">The clock to register.</param>
    /// <returns>The services; disposed at the end of the test when they are disposable.</returns>
    protected abstract ValueTask<IServiceProvider> CreateServicesAsync(IClock clock);

    /// <summary>Searches the raw storage behind <paramref name="services"/> for a text, ignoring case where the storage can.</summary>
    /// <param name="services">The services from <see cref="CreateServicesAsync"/>.</param>
    /// <param name="needle">The text.</param>
    /// <returns>Where it was found (such as <c>complaints.document</c>); empty when nowhere.</returns>
    protected abstract ValueTask<IReadOnlyList<string>> SearchAllAsync(IServiceProvider services, string needle);

    /// <summary>After erasure, no store holds the customer's e-mail, phone or name, in any form the search knows; before it, every one was found.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Erase_ThenSearchEveryStore_FindsNoEmailPhoneOrName()
    {
        await using var scope = await StartAsync();
        await SeedAsync(scope.Services);
        foreach (var needle in Needles)
        {
            Assert.True((await FindAsync(scope.Services, needle)).Count > 0, $"Before erasure the search did not find '{needle}', so it cannot prove the erasure.");
        }

        var report = await scope.Services.GetRequiredService<CustomerEraser>().EraseAsync(Subject);

        Assert.True(report.IsComplete, string.Join("; ", report.Stores.Where(s => s.Error is not null).Select(s => $"{s.Store}: {s.Error}")));
        foreach (var needle in Needles)
        {
            var found = await FindAsync(scope.Services, needle);
            Assert.True(found.Count == 0, $"After erasure '{needle}' is still in: {string.Join(", ", found)}.");
        }
    }

    /// <summary>The export holds every section and the customer's values before erasure, and the sections without the values after.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Export_BeforeErasureHoldsTheValues_AfterErasureHoldsTheRecordsWithoutThem()
    {
        await using var scope = await StartAsync();
        await SeedAsync(scope.Services);
        var exporter = scope.Services.GetRequiredService<CustomerDataExporter>();

        var before = await exporter.ExportAsync(Subject);
        await scope.Services.GetRequiredService<CustomerEraser>().EraseAsync(Subject);
        var after = await exporter.ExportAsync(Subject);

        string[] sections = ["campaign_grants", "complaints", "compensations", "coupons", "messages", "orders", "profile", "redemptions", "reviews", "segment_membership", "surveys"];
        Assert.All(sections, s => Assert.Contains(s, before.Sections.Keys));
        Assert.All(sections, s => Assert.Contains(s, after.Sections.Keys));
        using var document = JsonDocument.Parse(before.ToJson());
        Assert.Equal(CustomerDataExport.Schema, document.RootElement.GetProperty("schema").GetString());
        Assert.Equal(Subject.Value, document.RootElement.GetProperty("customer_id").GetString());
        Assert.All(Needles, needle => Assert.Contains(needle, before.ToJson(), StringComparison.OrdinalIgnoreCase));
        Assert.All(Needles, needle => Assert.DoesNotContain(needle, after.ToJson(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What the books need stays: purchase statistics, order totals, coupon usage, the grant, the compensation, membership, scores, ratings and complaint classification.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Erase_KeepsTotalsUsageCountsAndClassification()
    {
        await using var scope = await StartAsync();
        var seeded = await SeedAsync(scope.Services);
        var services = scope.Services;
        var before = await SnapshotAsync(services, seeded);

        await services.GetRequiredService<CustomerEraser>().EraseAsync(Subject);

        Assert.Equal(before, await SnapshotAsync(services, seeded));
        var profile = (await services.GetRequiredService<ICustomerStore>().FindAsync(Subject))!;
        Assert.True(CustomerAnonymizer.IsAnonymized(profile));
        Assert.Null(profile.Birthday);
        Assert.Null(profile.City);
        var complaint = (await services.GetRequiredService<IComplaintStore>().FindAsync(seeded.Complaint))!;
        Assert.Null(complaint.AuthorHandle);
        Assert.Contains(KnownPersonalData.EmailMask, complaint.Text, StringComparison.Ordinal);
        Assert.Contains(KnownPersonalData.PhoneMask, complaint.Text, StringComparison.Ordinal);
        Assert.Contains(KnownPersonalData.NameMask, complaint.Text, StringComparison.Ordinal);
        Assert.Contains("Siparişim o-1 gelmedi.", complaint.Text, StringComparison.Ordinal);
    }

    /// <summary>A second erasure changes nothing and still reports completion; a store's erasure is idempotent.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Erase_Twice_SecondRunChangesNothing()
    {
        await using var scope = await StartAsync();
        await SeedAsync(scope.Services);
        var eraser = scope.Services.GetRequiredService<CustomerEraser>();

        var first = await eraser.EraseAsync(Subject);
        var afterFirst = (await scope.Services.GetRequiredService<CustomerDataExporter>().ExportAsync(Subject)).Sections;
        var second = await eraser.EraseAsync(Subject);

        Assert.True(first.TotalChanged >= 6, $"The first erasure changed only {first.TotalChanged} records.");
        Assert.True(second.IsComplete);
        Assert.Equal(0, second.TotalChanged);
        var afterSecond = (await scope.Services.GetRequiredService<CustomerDataExporter>().ExportAsync(Subject)).Sections;
        Assert.Equal(afterFirst.ToDictionary(p => p.Key, p => p.Value.GetRawText()), afterSecond.ToDictionary(p => p.Key, p => p.Value.GetRawText()));
    }

    /// <summary>Another customer's profile, complaint and messages are untouched.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Erase_LeavesOtherCustomersUntouched()
    {
        await using var scope = await StartAsync();
        var seeded = await SeedAsync(scope.Services);
        var exporter = scope.Services.GetRequiredService<CustomerDataExporter>();
        var before = (await exporter.ExportAsync(Bystander)).ToJson();
        var complaintBefore = StorageJson.Serialize((await scope.Services.GetRequiredService<IComplaintStore>().FindAsync(seeded.BystanderComplaint))!);

        await scope.Services.GetRequiredService<CustomerEraser>().EraseAsync(Subject);

        Assert.Equal(Without(before, "exported_at"), Without((await exporter.ExportAsync(Bystander)).ToJson(), "exported_at"));
        Assert.Equal(complaintBefore, StorageJson.Serialize((await scope.Services.GetRequiredService<IComplaintStore>().FindAsync(seeded.BystanderComplaint))!));
        Assert.Equal("ayse@example.com", (await scope.Services.GetRequiredService<IOutboxStore>().FindAsync("ack/form-1/email"))!.Recipient);
    }

    /// <summary>A message still waiting for the erased customer becomes a dead letter and is never claimed; one without a customer id is found by its recipient.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Erase_WaitingMessages_BecomeDeadLettersThatAreNeverSent()
    {
        await using var scope = await StartAsync();
        await SeedAsync(scope.Services);
        var outbox = scope.Services.GetRequiredService<IOutboxStore>();

        await scope.Services.GetRequiredService<CustomerEraser>().EraseAsync(Subject);

        var claimed = await outbox.ClaimDueAsync(Now + Duration.FromDays(2), "d-1", Duration.FromMinutes(5), 10);
        Assert.Equal(["ack/form-1/email"], claimed.Select(m => m.Id));
        foreach (var id in new[] { "ack/mail-1/email", "birthday/2027/sms" })
        {
            var message = (await outbox.FindAsync(id))!;
            Assert.Equal((OutboxStatus.DeadLetter, PersonalDataRedaction.ErasedRecipient), (message.Status, message.Recipient));
        }
    }

    /// <summary>Export and erasure of a customer the store does not hold throw an error naming the identifier, and write nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ExportAndErase_UnknownCustomer_ThrowNamingTheId()
    {
        await using var scope = await StartAsync();
        await SeedAsync(scope.Services);
        var unknown = CustomerId.From("c-404");

        var export = await Assert.ThrowsAsync<UnknownCustomerException>(async () => await scope.Services.GetRequiredService<CustomerDataExporter>().ExportAsync(unknown));
        var erase = await Assert.ThrowsAsync<UnknownCustomerException>(async () => await scope.Services.GetRequiredService<CustomerEraser>().EraseAsync(unknown));

        Assert.Equal((unknown, unknown), (export.CustomerId, erase.CustomerId));
        Assert.Contains("c-404", erase.Message, StringComparison.Ordinal);
        Assert.Equal(Email, (await scope.Services.GetRequiredService<ICustomerStore>().FindAsync(Subject))!.Email?.Value);
    }

    private async Task<ServicesScope> StartAsync() => new(await CreateServicesAsync(new FakeClock(Now)));

    private async Task<IReadOnlyList<string>> FindAsync(IServiceProvider services, string needle)
    {
        // Documents are stored as JSON, which may escape non-ASCII letters; both spellings are searched.
        var escaped = JsonEncodedText.Encode(needle).ToString();
        var found = new List<string>(await SearchAllAsync(services, needle));
        if (!string.Equals(escaped, needle, StringComparison.Ordinal))
        {
            found.AddRange(await SearchAllAsync(services, escaped));
        }

        return found;
    }

    private static async Task<string> SnapshotAsync(IServiceProvider services, Seeded seeded)
    {
        var customer = (await services.GetRequiredService<ICustomerStore>().FindAsync(Subject))!;
        var order = (await services.GetRequiredService<ICustomerStore>().FindOrderAsync(seeded.Order))!;
        var complaint = (await services.GetRequiredService<IComplaintStore>().FindAsync(seeded.Complaint))!;
        var survey = (await services.GetRequiredService<ISurveyStore>().FindAsync(seeded.Survey))!;
        var review = (await services.GetRequiredService<IReviewStore>().FindAsync(seeded.Review))!;
        var kept = new
        {
            Stats = StorageJson.Serialize(customer.Stats),
            customer.SignedUpAt,
            Order = StorageJson.Serialize(order),
            Usage = await services.GetRequiredService<ICouponStore>().GetUsageAsync(seeded.Code),
            Redemptions = (await services.GetRequiredService<ICouponStore>().RedemptionsOfOrderAsync(seeded.Order)).Select(StorageJson.Serialize).ToArray(),
            Grant = await services.GetRequiredService<ICampaignLedger>().FindGrantAsync("recovery", Subject, "2027-03"),
            Compensations = (await services.GetRequiredService<ICompensationLedger>().EntriesOfAsync(Subject)).Count,
            Members = await services.GetRequiredService<ISegmentMembershipStore>().MembersAtAsync("vip", Now),
            complaint.Category,
            complaint.Status,
            complaint.ReceivedAt,
            complaint.CustomerId,
            complaint.OrderId,
            Score = survey.Answer?.Score,
            SurveyStatus = survey.Status,
            review.Rating,
            review.PostedAt,
        };
        return JsonSerializer.Serialize(kept, StorageJson.Options);
    }

    private static string Without(string json, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove(property);
        return node.ToJsonString();
    }

    private sealed class ServicesScope(IServiceProvider services) : IAsyncDisposable
    {
        public IServiceProvider Services { get; } = services;

        public async ValueTask DisposeAsync()
        {
            switch (Services)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
