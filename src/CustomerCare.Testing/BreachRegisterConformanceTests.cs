using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Privacy.Breach;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IBreachRegister"/>: a breach recorded once and read back whole, the
/// authority mark set once, notifications recorded once per customer in all-or-none batches, and paging by customer id.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateBreachRegisterAsync"/>; each test gets a fresh, isolated register.</remarks>
[ConformanceSuite(typeof(IBreachRegister))]
public abstract class BreachRegisterConformanceTests
{
    private static readonly Instant Detected = Instant.FromUtc(2027, 2, 3, 4, 5, 6) + Duration.FromNanoseconds(789);

    /// <summary>Creates an empty register.</summary>
    /// <returns>The register.</returns>
    protected abstract ValueTask<IBreachRegister> CreateBreachRegisterAsync();

    /// <summary>A sample breach, for suites and tests.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="detectedAt">When it was detected.</param>
    /// <param name="affected">Who was affected; two listed customers when <see langword="null"/>.</param>
    /// <returns>The breach.</returns>
    public static DataBreach SampleBreach(string id, Instant detectedAt, BreachAudience? affected = null) => new(
        id,
        "Yetkisiz erişim: sipariş veritabanının bir yedeği açıkta kaldı.",
        detectedAt - Duration.FromDays(2),
        detectedAt,
        ["name", "email", "phone"],
        affected ?? BreachAudience.Customers([CustomerId.From("c-1"), CustomerId.From("c-2")]),
        new Dictionary<string, BreachNoticeText>(StringComparer.Ordinal)
        {
            ["tr"] = new(["Ad ve soyad", "E-posta adresi"], "Sahte e-postalarda kullanılabilir.", ["Erişimi kapattık."], ["Şifrenizi değiştirin."], "kvkk@example.com"),
            ["en"] = new(["Full name", "E-mail address"], "Could be used in fake e-mails.", ["We closed the access."], ["Change your password."], "privacy@example.com"),
        });

    /// <summary>A breach is recorded once and reads back whole; another id is another breach; breaches list by detection.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_SameIdTwice_KeepsTheFirst_AndRoundTrips()
    {
        var register = await CreateBreachRegisterAsync();
        var breach = SampleBreach("B-2", Detected);
        var bySegment = SampleBreach("B-1", Detected + Duration.FromHours(1), BreachAudience.Segment("city = 'İstanbul' and orders >= 1"));

        Assert.True(await register.RecordAsync(breach));
        Assert.False(await register.RecordAsync(SampleBreach("B-2", Detected + Duration.FromDays(1))));
        Assert.True(await register.RecordAsync(bySegment));

        AssertSame(breach, (await register.FindAsync("B-2"))!);
        AssertSame(bySegment, (await register.FindAsync("B-1"))!);
        Assert.Null(await register.FindAsync("B-3"));
        Assert.Equal(["B-2", "B-1"], (await register.ListAsync()).Select(b => b.Id));
    }

    /// <summary>The authority mark is set once, and only on a recorded breach.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task MarkAuthorityNotified_SetsOnce()
    {
        var register = await CreateBreachRegisterAsync();
        await register.RecordAsync(SampleBreach("B-1", Detected));
        var told = Detected + Duration.FromHours(30);

        Assert.True(await register.MarkAuthorityNotifiedAsync("B-1", told));
        Assert.False(await register.MarkAuthorityNotifiedAsync("B-1", told + Duration.FromHours(1)));
        Assert.False(await register.MarkAuthorityNotifiedAsync("B-9", told));

        var stored = (await register.FindAsync("B-1"))!;
        Assert.Equal(told, stored.AuthorityNotifiedAt);
        Assert.False(stored.IsOverdue(Detected + Duration.FromDays(10)));
    }

    /// <summary>Notifications are recorded once per customer, page by customer id, and count.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task RecordNotifications_OncePerCustomer_AndPageByCustomerId()
    {
        var register = await CreateBreachRegisterAsync();
        await register.RecordAsync(SampleBreach("B-1", Detected));
        await register.RecordAsync(SampleBreach("B-2", Detected));
        var first = Enumerable.Range(0, 5).Select(i => Notification("B-1", i)).ToArray();

        Assert.Equal(5, await register.RecordNotificationsAsync(first));
        Assert.Equal(2, await register.RecordNotificationsAsync([Notification("B-1", 4) with { MessageId = "other" }, Notification("B-1", 5), Notification("B-2", 0), Notification("B-1", 0)]));

        var page1 = await register.NotificationsAsync("B-1", null, 4);
        var page2 = await register.NotificationsAsync("B-1", page1[^1].CustomerId, 4);
        Assert.Equal(["c-0", "c-1", "c-2", "c-3"], page1.Select(n => n.CustomerId.Value));
        Assert.Equal(["c-4", "c-5"], page2.Select(n => n.CustomerId.Value));
        Assert.Equal(first[4], page2[0]);
        Assert.Equal(6, await register.CountNotificationsAsync("B-1"));
        Assert.Equal(1, await register.CountNotificationsAsync("B-2"));
        Assert.Equal(0, await register.CountNotificationsAsync("B-3"));
    }

    /// <summary>A batch naming an unrecorded breach writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task RecordNotifications_ForAnUnknownBreach_WritesNothing()
    {
        var register = await CreateBreachRegisterAsync();
        await register.RecordAsync(SampleBreach("B-1", Detected));

        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await register.RecordNotificationsAsync([Notification("B-1", 1), Notification("B-9", 2)]));

        Assert.Equal(0, await register.CountNotificationsAsync("B-1"));
    }

    /// <summary>Racing batches of overlapping customers record each customer once.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task RecordNotifications_Racing_RecordsEachCustomerOnce()
    {
        var register = await CreateBreachRegisterAsync();
        await register.RecordAsync(SampleBreach("B-1", Detected));

        var added = await Task.WhenAll(Enumerable.Range(0, 8).Select(run => Task.Run(async () =>
            await register.RecordNotificationsAsync([.. Enumerable.Range(0, 40).Select(i => Notification("B-1", i))]))));

        Assert.Equal(40, added.Sum());
        Assert.Equal(40, await register.CountNotificationsAsync("B-1"));
    }

    private static BreachNotification Notification(string breach, int customer) =>
        new(breach, CustomerId.From("c-" + customer.ToString(CultureInfo.InvariantCulture)), "breach/" + breach + "/c-" + customer.ToString(CultureInfo.InvariantCulture) + "/email", Detected + Duration.FromMinutes(customer));

    private static void AssertSame(DataBreach expected, DataBreach actual)
    {
        Assert.Equal((expected.Id, expected.Description, expected.OccurredAt, expected.DetectedAt, expected.AuthorityNotifiedAt), (actual.Id, actual.Description, actual.OccurredAt, actual.DetectedAt, actual.AuthorityNotifiedAt));
        Assert.Equal(expected.DataCategories, actual.DataCategories);
        Assert.Equal(expected.Affected.CustomerIds, actual.Affected.CustomerIds);
        Assert.Equal(expected.Affected.SegmentRule, actual.Affected.SegmentRule);
        Assert.Equal(expected.Notices.Keys, actual.Notices.Keys);
        foreach (var (language, text) in expected.Notices)
        {
            var read = actual.Notices[language];
            Assert.Equal((text.Consequences, text.ContactEmail), (read.Consequences, read.ContactEmail));
            Assert.Equal(text.DataCategories, read.DataCategories);
            Assert.Equal(text.ActionsTaken, read.ActionsTaken);
            Assert.Equal(text.CustomerSteps, read.CustomerSteps);
        }
    }
}
