using System.Globalization;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Queries;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IComplaintStore"/>: a complaint round-trips whole, (channel, source
/// reference) is unique even under racing adds, updates are optimistic with exactly one winner, and specifications
/// select, order and count as the in-memory evaluator does.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateComplaintStoreAsync"/>; each test gets a fresh, isolated store.</remarks>
[ConformanceSuite(typeof(IComplaintStore))]
public abstract class ComplaintStoreConformanceTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 2, 3, 9, 30);

    /// <summary>Creates an empty store.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IComplaintStore> CreateComplaintStoreAsync();

    /// <summary>Every field of a complaint, Turkish text and history included, reads back as written, with version 1.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Add_ThenFind_RoundTripsEveryField()
    {
        var store = await CreateComplaintStoreAsync();
        var complaint = Sample("ref-1") with
        {
            AuthorHandle = "@ayşe_IŞIK",
            Title = "Kargom gelmedi",
            OrderId = OrderId.From("S-1001"),
            ProductId = "tv-55",
            Match = new CustomerMatch(CustomerId.From("c-1"), MatchReason.OrderNumber),
            Category = ComplaintCategory.LateDelivery,
            CategoryCorrectedBy = "staff-7",
            Sentiment = Sentiment.Negative,
            Priority = ComplaintPriority.High,
            Status = ComplaintStatus.InProgress,
            AssignedTo = "staff-2",
            IsPublic = true,
            FirstRespondedAt = At + Duration.FromMinutes(20),
            ResolvedAt = At + Duration.FromHours(3),
            Flags = [new SuspicionFlag(SuspicionReason.NewAccount, "the account was opened 1 h before the complaint")],
            History =
            [
                new ComplaintHistoryEntry(At, ComplaintHistoryEntry.System, ComplaintAction.Received, null, "New", "matched by OrderNumber"),
                new ComplaintHistoryEntry(At + Duration.FromMinutes(1), "staff-2", ComplaintAction.StatusChanged, "New", "InProgress"),
            ],
        };

        var added = await store.AddAsync(complaint);
        var found = await store.FindAsync(complaint.Id);

        Assert.True(added.Added);
        Assert.NotNull(found);
        StoreAssert.SameComplaint(complaint with { Version = 1 }, found);
        StoreAssert.SameComplaint(found, (await store.FindBySourceAsync(ComplaintChannel.ComplaintSite, "ref-1"))!);
    }

    /// <summary>The same channel and source reference again writes nothing and returns the first complaint; another channel is another complaint.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Add_SameSourceTwice_KeepsTheFirst_AndOtherChannelsAreSeparate()
    {
        var store = await CreateComplaintStoreAsync();
        var first = Sample("ref-1");

        await store.AddAsync(first);
        var again = await store.AddAsync(Sample("ref-1") with { Text = "ikinci kez" });
        var otherChannel = await store.AddAsync(Sample("ref-1") with { Channel = ComplaintChannel.Twitter });

        Assert.False(again.Added);
        Assert.Equal((first.Id, first.Text), (again.Complaint.Id, again.Complaint.Text));
        Assert.True(otherChannel.Added);
        Assert.Equal(2, await store.CountAsync(new Specification<Complaint>()));
    }

    /// <summary>N tasks adding the same source concurrently: exactly one adds, and all see the same complaint.</summary>
    /// <param name="tasks">How many tasks race.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(2)]
    [InlineData(32)]
    public async Task Add_SameSourceConcurrently_ExactlyOneAdds(int tasks)
    {
        var store = await CreateComplaintStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, tasks).Select(_ => Task.Run(async () => await store.AddAsync(Sample("race")))));

        Assert.Single(results, r => r.Added);
        Assert.Single(results.Select(r => r.Complaint.Id).Distinct());
        Assert.Equal(1, await store.CountAsync(new Specification<Complaint>()));
    }

    /// <summary>An update from the stored version writes the next version; one from an old version writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Update_IsOptimistic()
    {
        var store = await CreateComplaintStoreAsync();
        var stored = (await store.AddAsync(Sample("ref-1"))).Complaint;

        var updated = await store.UpdateAsync(stored with { Status = ComplaintStatus.InProgress }, expectedVersion: 1);
        var stale = await store.UpdateAsync(stored with { Status = ComplaintStatus.Resolved }, expectedVersion: 1);
        var unknown = await store.UpdateAsync(Sample("never-added"), expectedVersion: 1);

        Assert.Equal((ComplaintStatus.InProgress, 2L), (updated!.Status, updated.Version));
        Assert.Null(stale);
        Assert.Null(unknown);
        Assert.Equal(ComplaintStatus.InProgress, (await store.FindAsync(stored.Id))!.Status);
    }

    /// <summary>N tasks updating from the same version: exactly one wins.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Update_RacingFromTheSameVersion_ExactlyOneWins()
    {
        var store = await CreateComplaintStoreAsync();
        var stored = (await store.AddAsync(Sample("ref-1"))).Complaint;

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            await store.UpdateAsync(stored with { AssignedTo = "staff-" + i.ToString(CultureInfo.InvariantCulture) }, expectedVersion: 1))));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.AssignedTo, (await store.FindAsync(stored.Id))!.AssignedTo);
    }

    /// <summary>Specifications select by channel, status and time, order, page and count like the in-memory evaluator.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task List_AndCount_FollowTheSpecification()
    {
        var store = await CreateComplaintStoreAsync();
        var complaints = Enumerable.Range(0, 12).Select(i => Sample("ref-" + i.ToString("D2", CultureInfo.InvariantCulture)) with
        {
            Channel = i % 3 == 0 ? ComplaintChannel.Email : ComplaintChannel.Twitter,
            Status = i % 2 == 0 ? ComplaintStatus.Resolved : ComplaintStatus.InProgress,
            ReceivedAt = At + Duration.FromMinutes(i),
            AuthorHandle = i % 4 == 0 ? "@İSTANBUL" : "@izmir",
        }).ToList();
        foreach (var complaint in complaints)
        {
            await store.AddAsync(complaint);
        }

        var since = At + Duration.FromMinutes(3);
        var spec = new Specification<Complaint>(q => q
            .Where(c => c.Channel == ComplaintChannel.Twitter && c.Status != ComplaintStatus.Resolved && c.ReceivedAt > since)
            .OrderByDescending(c => c.ReceivedAt)
            .Take(3));
        var expected = InMemorySpecificationEvaluator.Evaluate(complaints.OrderBy(c => c.Id.Value, StringComparer.Ordinal), spec).Select(c => c.SourceReference);

        Assert.Equal(expected, (await store.ListAsync(spec)).Select(c => c.SourceReference));
        Assert.Equal(3, await store.CountAsync(new Specification<Complaint>(q => q.Where(c => c.AuthorHandle == "@İSTANBUL"))));
    }

    /// <summary>
    /// The specifications intake asks on every new complaint (open complaints per staff member, recent ones per author and
    /// per product) count what the in-memory evaluator counts, with every status, both sides of the instant, other
    /// channels, and values with quotes, <c>%</c>, <c>_</c>, backslashes and Turkish letters.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task IntakeSpecifications_CountAsTheInMemoryEvaluatorDoes()
    {
        var store = await CreateComplaintStoreAsync();
        string[] members = ["selin", "O'Brien", "İpek_%", "SELİN"];
        string[] authors = ["@İSTANBUL", "@istanbul", "a\\b", "x'; DROP TABLE complaints; --"];
        string[] products = ["SKU-1", "SKU_%", "ürün-ğ"];
        var statuses = Enum.GetValues<ComplaintStatus>();
        var complaints = Enumerable.Range(0, 48).Select(i => Sample("intake-" + i.ToString("D2", CultureInfo.InvariantCulture)) with
        {
            Channel = i % 5 == 0 ? ComplaintChannel.Email : ComplaintChannel.Twitter,
            Status = statuses[i % statuses.Length],
            AssignedTo = i % 7 == 6 ? null : members[i % members.Length],
            AuthorHandle = i % 9 == 8 ? null : authors[i % authors.Length],
            ProductId = i % 4 == 3 ? null : products[i % products.Length],
            ReceivedAt = At + Duration.FromMinutes(i),
        }).ToList();
        foreach (var complaint in complaints)
        {
            await store.AddAsync(complaint);
        }

        var since = At + Duration.FromMinutes(20);
        List<Specification<Complaint>> specifications =
        [
            .. members.Append("nobody").Select(m => new OpenComplaintsAssignedToSpecification(m)),
            .. authors.SelectMany(a => new[] { ComplaintChannel.Twitter, ComplaintChannel.Email }.Select(c => new RecentComplaintsByAuthorSpecification(c, a, since))),
            .. products.Select(p => new RecentComplaintsAboutProductSpecification(p, since)),
        ];
        foreach (var specification in specifications)
        {
            var expected = InMemorySpecificationEvaluator.Evaluate(complaints.OrderBy(c => c.Id.Value, StringComparer.Ordinal), specification).Select(c => c.SourceReference).ToList();
            Assert.Equal(expected.Count, await store.CountAsync(specification));
            Assert.Equal(expected, (await store.ListAsync(specification)).Select(c => c.SourceReference));
        }

        Assert.Equal(
            complaints.Count(c => c.AssignedTo == "selin" && c.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed)),
            await store.CountAsync(new OpenComplaintsAssignedToSpecification("selin")));
    }

    private static Complaint Sample(string reference) => new()
    {
        Id = ComplaintId.New(),
        Channel = ComplaintChannel.ComplaintSite,
        SourceReference = reference,
        Text = "Siparişim 10 gündür gelmedi, kargo firması cevap vermiyor. İade istiyorum!",
        ReceivedAt = At,
    };
}
