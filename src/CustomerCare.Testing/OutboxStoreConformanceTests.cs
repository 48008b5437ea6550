using System.Collections.Concurrent;
using System.Globalization;
using CustomerCare.Notifications;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IOutboxStore"/>: queueing is idempotent by id, claims are atomic
/// (two dispatchers never hold one message, even racing), an expired lease lets another dispatcher take over, and only
/// the holder may record the outcome.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateOutboxStoreAsync"/>; each test gets a fresh, isolated store.</remarks>
[ConformanceSuite(typeof(IOutboxStore))]
public abstract class OutboxStoreConformanceTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 12, 0);
    private static readonly Duration Lease = Duration.FromMinutes(5);

    /// <summary>Creates an empty store.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IOutboxStore> CreateOutboxStoreAsync();

    /// <summary>The same id queued twice is one message; every field round-trips.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Enqueue_SameIdTwice_KeepsTheFirst_AndRoundTrips()
    {
        var store = await CreateOutboxStoreAsync();
        var message = Message("ack/CMP-1/email") with
        {
            Subject = "Mesajınızı aldık",
            ContentType = "text/html",
            Metadata = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("text", "Mesajınızı aldık, İyi günler"),
            Kind = MessageKind.Commercial,
            Priority = 7,
            CustomerId = Customers.CustomerId.From("c-1"),
        };

        Assert.True(await store.EnqueueAsync(message));
        Assert.False(await store.EnqueueAsync(message with { Body = "ikinci" }));

        Assert.Equal(message, (await store.FindAsync(message.Id))! with { Metadata = message.Metadata });
        Assert.Equal(message.Metadata.ToArray(), (await store.FindAsync(message.Id))!.Metadata.ToArray());
        Assert.Equal(1, await store.CountAsync(OutboxStatus.Pending));
    }

    /// <summary>Only due messages are claimed, highest priority first, then oldest due.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Claim_TakesDueMessages_ByPriorityThenDueTime()
    {
        var store = await CreateOutboxStoreAsync();
        await store.EnqueueAsync(Message("a") with { DueAt = Now - Duration.FromMinutes(10) });
        await store.EnqueueAsync(Message("b") with { DueAt = Now - Duration.FromMinutes(20) });
        await store.EnqueueAsync(Message("breach") with { DueAt = Now, Priority = 100 });
        await store.EnqueueAsync(Message("later") with { DueAt = Now + Duration.FromMinutes(1) });

        var claimed = await store.ClaimDueAsync(Now, "d-1", Lease, 10);

        Assert.Equal(["breach", "b", "a"], claimed.Select(m => m.Id));
        Assert.All(claimed, m => Assert.Equal((OutboxStatus.InFlight, "d-1", Now + Lease), (m.Status, m.ClaimedBy, m.LeaseUntil)));
        Assert.Empty(await store.ClaimDueAsync(Now, "d-2", Lease, 10));
    }

    /// <summary>
    /// A message whose lease ended takes its place among the due ones by priority and due time, a message not yet due
    /// does not hide the due ones behind it, and the limit cuts the claim in that order.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Claim_MergesEndedLeases_AndSkipsNotYetDue_InClaimOrder()
    {
        var store = await CreateOutboxStoreAsync();
        await store.EnqueueAsync(Message("p5-later") with { Priority = 5, DueAt = Now + Duration.FromMinutes(1) });
        await store.EnqueueAsync(Message("p5-due") with { Priority = 5, DueAt = Now - Duration.FromMinutes(5) });
        await store.EnqueueAsync(Message("p1-older") with { Priority = 1, DueAt = Now - Duration.FromMinutes(30) });
        await store.EnqueueAsync(Message("p1-newer") with { Priority = 1, DueAt = Now - Duration.FromMinutes(1) });
        await store.EnqueueAsync(Message("p0") with { DueAt = Now - Duration.FromMinutes(60) });
        await store.EnqueueAsync(Message("p3-abandoned") with { Priority = 3, DueAt = Now - Duration.FromMinutes(100) });
        var abandoned = await store.ClaimDueAsync(Now - Lease - Duration.FromMinutes(1), "d-0", Lease, 1);

        var first = await store.ClaimDueAsync(Now, "d-1", Lease, 4);
        var rest = await store.ClaimDueAsync(Now, "d-2", Lease, 10);

        Assert.Equal(["p3-abandoned"], abandoned.Select(m => m.Id));
        Assert.Equal(["p5-due", "p3-abandoned", "p1-older", "p1-newer"], first.Select(m => m.Id));
        Assert.Equal(["p0"], rest.Select(m => m.Id));
        Assert.Equal((1, 5), (await store.CountAsync(OutboxStatus.Pending), await store.CountAsync(OutboxStatus.InFlight)));
    }

    /// <summary>Completing writes the outcome and clears the claim; the content and recipient stay as queued.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Complete_WritesTheOutcomeOnly()
    {
        var store = await CreateOutboxStoreAsync();
        var queued = Message("m-1") with { Subject = "Siparişiniz yolda", Priority = 3 };
        await store.EnqueueAsync(queued);
        var claimed = Assert.Single(await store.ClaimDueAsync(Now, "d-1", Lease, 1));

        var written = await store.CompleteAsync(
            claimed with
            {
                Status = OutboxStatus.Pending,
                Attempts = 1,
                DueAt = Now + Duration.FromMinutes(2),
                LastError = "421 try later",
                Body = "başka bir gövde",
                Recipient = "baska@example.com",
                Subject = "değişti",
                Priority = 9,
            },
            "d-1");

        Assert.True(written);
        var stored = (await store.FindAsync("m-1"))!;
        Assert.Equal(
            (OutboxStatus.Pending, 1, Now + Duration.FromMinutes(2), "421 try later", null, null),
            (stored.Status, stored.Attempts, stored.DueAt, stored.LastError, stored.ClaimedBy, stored.LeaseUntil));
        Assert.Equal((queued.Body, queued.Recipient, queued.Subject, queued.Priority), (stored.Body, stored.Recipient, stored.Subject, stored.Priority));
    }

    /// <summary>Dispatchers racing for the same messages never claim one twice, and together claim them all.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Claim_Racing_NeverHandsOneMessageToTwoDispatchers()
    {
        var store = await CreateOutboxStoreAsync();
        for (var i = 0; i < 500; i++)
        {
            await store.EnqueueAsync(Message("m-" + i.ToString("D3", CultureInfo.InvariantCulture)));
        }

        var claims = new ConcurrentBag<(string Dispatcher, string Id)>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(d => Task.Run(async () =>
        {
            var dispatcher = "d-" + d.ToString(CultureInfo.InvariantCulture);
            for (var round = 0; round < 200; round++)
            {
                var batch = await store.ClaimDueAsync(Now, dispatcher, Lease, 7);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var message in batch)
                {
                    claims.Add((dispatcher, message.Id));
                }
            }
        })));

        Assert.Equal(500, claims.Count);
        Assert.Equal(500, claims.Select(c => c.Id).Distinct().Count());
    }

    /// <summary>After the lease ends another dispatcher may take the message, and the first can no longer record an outcome.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ExpiredLease_LetsAnotherDispatcherTakeOver_AndOnlyTheHolderCompletes()
    {
        var store = await CreateOutboxStoreAsync();
        await store.EnqueueAsync(Message("m-1"));
        var first = Assert.Single(await store.ClaimDueAsync(Now, "d-1", Lease, 1));

        var tooEarly = await store.ClaimDueAsync(Now + Lease - Duration.FromSeconds(1), "d-2", Lease, 1);
        var second = Assert.Single(await store.ClaimDueAsync(Now + Lease, "d-2", Lease, 1));
        var staleWrite = await store.CompleteAsync(first with { Status = OutboxStatus.Sent, SentAt = Now }, "d-1");
        var holderWrite = await store.CompleteAsync(second with { Status = OutboxStatus.Sent, SentAt = Now + Lease, Attempts = 1 }, "d-2");

        Assert.Empty(tooEarly);
        Assert.False(staleWrite);
        Assert.True(holderWrite);
        var stored = (await store.FindAsync("m-1"))!;
        Assert.Equal((OutboxStatus.Sent, Now + Lease, 1, null), (stored.Status, stored.SentAt, stored.Attempts, stored.ClaimedBy));
    }

    /// <summary>A message completed as pending again (a retry) is claimed again only when its new due time comes.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Retry_IsClaimedAgainAtItsNewDueTime()
    {
        var store = await CreateOutboxStoreAsync();
        await store.EnqueueAsync(Message("m-1"));
        var claimed = Assert.Single(await store.ClaimDueAsync(Now, "d-1", Lease, 1));
        Assert.True(await store.CompleteAsync(claimed with { Status = OutboxStatus.Pending, Attempts = 1, LastError = "421 try later", DueAt = Now + Duration.FromMinutes(2) }, "d-1"));

        Assert.Empty(await store.ClaimDueAsync(Now + Duration.FromMinutes(1), "d-1", Lease, 1));
        var again = Assert.Single(await store.ClaimDueAsync(Now + Duration.FromMinutes(2), "d-2", Lease, 1));
        Assert.Equal((1, "421 try later"), (again.Attempts, again.LastError));
    }

    /// <summary>
    /// A customer's messages since an instant (inclusive) are listed oldest first, ties by id, and their summaries are
    /// those messages without content, with the status each has now.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ListForCustomer_AndItsSummaries_TakeTheCustomersMessagesSinceAnInstant_OldestFirst()
    {
        var store = await CreateOutboxStoreAsync();
        var ayse = Customers.CustomerId.From("c-ayşe");
        var since = Now - Duration.FromDays(7);
        OutboxMessage[] messages =
        [
            Message("m-before") with { CustomerId = ayse, EnqueuedAt = since - Duration.FromTicks(1) },
            Message("m-at-b") with { CustomerId = ayse, EnqueuedAt = since, Kind = MessageKind.Commercial, DueAt = Now + Duration.FromHours(9) },
            Message("m-at-a") with { CustomerId = ayse, EnqueuedAt = since, Priority = 5 },
            Message("m-late") with { CustomerId = ayse, EnqueuedAt = Now - Duration.FromMinutes(1), Kind = MessageKind.Commercial },
            Message("m-other") with { CustomerId = Customers.CustomerId.From("c-AYŞE"), EnqueuedAt = since },
            Message("m-nobody") with { EnqueuedAt = since },
        ];
        foreach (var message in messages.Reverse())
        {
            await store.EnqueueAsync(message);
        }

        var claimed = Assert.Single(await store.ClaimDueAsync(Now, "d-1", Lease, 1));
        await store.CompleteAsync(claimed with { Status = OutboxStatus.Sent, SentAt = Now }, "d-1");

        var listed = await store.ListForCustomerAsync(ayse, since);
        var summaries = await store.SummarizeForCustomerAsync(ayse, since);

        Assert.Equal(["m-at-a", "m-at-b", "m-late"], listed.Select(m => m.Id));
        Assert.Equal(listed.Select(OutboxMessageSummary.Of), summaries);
        Assert.Equal(
            [(MessageKind.Transactional, OutboxStatus.Sent), (MessageKind.Commercial, OutboxStatus.Pending), (MessageKind.Commercial, OutboxStatus.Pending)],
            summaries.Select(m => (m.Kind, m.Status)));
        Assert.Equal(Now + Duration.FromHours(9), summaries[1].DueAt);
        Assert.Empty(await store.SummarizeForCustomerAsync(Customers.CustomerId.From("c-nobody"), since));
    }

    private static OutboxMessage Message(string id) => new()
    {
        Id = id,
        Channel = "email",
        Recipient = "ayse@example.com.tr",
        Body = "Mesajınızı aldık.",
        EnqueuedAt = Now - Duration.FromHours(1),
        DueAt = Now,
    };
}
