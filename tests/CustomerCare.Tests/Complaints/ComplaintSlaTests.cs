using CustomerCare.Campaigns.Recovery;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Intake;
using CustomerCare.Complaints.Sla;
using CustomerCare.Coupons;
using CustomerCare.Customers;
using CustomerCare.Insights;
using CustomerCare.Orders;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using CustomerCare.Policy.Sla;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Complaints;

public sealed class ComplaintSlaTests : IAsyncDisposable
{
    // Friday 2027-06-04 17:00 in Istanbul; the default calendar is Monday to Friday 09:00-18:00.
    private static readonly Instant Friday17 = new LocalDateTime(2027, 6, 4, 17, 0).InZoneStrictly(TimeZones.Istanbul).ToInstant();
    private readonly FakeClock _clock = new(Friday17);
    private readonly ServiceProvider _provider;
    private readonly List<ComplaintEvent> _events = [];

    public ComplaintSlaTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddSingleton<IComplaintObserver>(new Collect(_events));
        services.AddCustomerCare(o => o.Policy.Compensation.Rules[BrokenPromiseKind.Unanswered] = new CompensationRule { CouponDefinitionId = "sorry-slow" });
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<ICouponStore>().AddDefinitionAsync(new CouponDefinition("sorry-slow", "Geç cevap", Discount.PercentOff(10m))).AsTask().GetAwaiter().GetResult();
    }

    private ComplaintService Complaints => _provider.GetRequiredService<ComplaintService>();

    [Fact]
    public async Task AnEmail_OnFridayAt17_IsDueMondayAt16_InBusinessHours()
    {
        var complaint = await ReceiveAsync("e-1");

        var firstResponse = Timer(complaint, SlaMetric.FirstResponse);
        Assert.Equal(new LocalDateTime(2027, 6, 7, 16, 0), firstResponse.Deadline!.Value.InZone(TimeZones.Istanbul).LocalDateTime);
        Assert.Equal(SlaTimerPhase.Running, Timer(complaint, SlaMetric.Resolution).Phase);
    }

    [Fact]
    public async Task WaitingForTheCustomer_CreditsThePausedTimeBack()
    {
        var complaint = await ReceiveAsync("e-1");
        await AtAsync(new LocalDateTime(2027, 6, 7, 10, 0), () => Complaints.RecordReplyAsync(complaint.Id, "elif"));
        var before = Timer(await AtAsync(new LocalDateTime(2027, 6, 7, 11, 0), () => Complaints.MoveAsync(complaint.Id, ComplaintStatus.WaitingForCustomer, "elif")), SlaMetric.Resolution);

        var resumed = await AtAsync(new LocalDateTime(2027, 6, 8, 11, 0), () => Complaints.RecordCustomerReplyAsync(complaint.Id));

        // 24 business hours from Friday 17:00: 1 h Friday, 9 h Monday, 9 h Tuesday, 5 h Wednesday = Wednesday 14:00.
        // Paused Monday 11:00 to Tuesday 11:00 (9 business hours), so the deadline moves to Thursday 14:00.
        Assert.Equal(SlaTimerPhase.Paused, before.Phase);
        Assert.Equal(new LocalDateTime(2027, 6, 10, 14, 0), Timer(resumed, SlaMetric.Resolution).Deadline!.Value.InZone(TimeZones.Istanbul).LocalDateTime);
        Assert.Equal(SlaTimerPhase.Stopped, Timer(resumed, SlaMetric.FirstResponse).Phase);
        Assert.Equal(ComplaintStatus.InProgress, resumed.Status);
    }

    [Fact]
    public async Task TheSweep_WarnsThenBreachesOnce_AndAMissedFirstResponseIsRecovered()
    {
        var complaint = await ReceiveAsync("e-1", "c-1");
        var sweep = _provider.GetRequiredService<ComplaintSlaSweep>();

        var beforeWarning = await sweep.RunAsync(At(new LocalDateTime(2027, 6, 7, 14, 0)));
        var warning = await sweep.RunAsync(At(new LocalDateTime(2027, 6, 7, 15, 0)));
        var breach = await sweep.RunAsync(At(new LocalDateTime(2027, 6, 7, 16, 30)));
        var again = await sweep.RunAsync(At(new LocalDateTime(2027, 6, 7, 17, 0)));

        Assert.Empty(beforeWarning);
        Assert.Equal([(SlaMetric.FirstResponse, "warning")], warning.Select(e => (e.Sla.Metric, e.Sla.Kind)));
        Assert.Equal([(SlaMetric.FirstResponse, "breached")], breach.Select(e => (e.Sla.Metric, e.Sla.Kind)));
        Assert.Empty(again);
        Assert.Equal(2, _events.OfType<ComplaintSlaChanged>().Count());
        var grant = Assert.Single(await _provider.GetRequiredService<ICampaignLedger>().GrantsAsync(ServiceRecoveryIssuer.CampaignId));
        Assert.Equal($"complaint:{complaint.Id}/unanswered", grant.Period);
    }

    [Fact]
    public async Task TheKpis_MeasureBusinessTime_WithoutThePause()
    {
        var complaint = await ReceiveAsync("e-1");
        await AtAsync(new LocalDateTime(2027, 6, 7, 10, 0), () => Complaints.RecordReplyAsync(complaint.Id, "elif"));
        await AtAsync(new LocalDateTime(2027, 6, 7, 11, 0), () => Complaints.MoveAsync(complaint.Id, ComplaintStatus.WaitingForCustomer, "elif"));
        await AtAsync(new LocalDateTime(2027, 6, 8, 11, 0), () => Complaints.RecordCustomerReplyAsync(complaint.Id));
        await AtAsync(new LocalDateTime(2027, 6, 8, 12, 0), () => Complaints.MoveAsync(complaint.Id, ComplaintStatus.Resolved, "elif"));

        var kpis = await _provider.GetRequiredService<CareKpiService>().ComputeAsync(new Interval(Friday17 - Duration.FromDays(1), Friday17 + Duration.FromDays(7)));

        // First answer: 1 h Friday + 1 h Monday. Resolution: 1 h Friday + 2 h Monday + 1 h Tuesday, the pause left out.
        Assert.Equal((1, Duration.FromHours(2), 1.0), (kpis.FirstResponse.Count, kpis.FirstResponse.Median!.Value, kpis.FirstResponse.TargetsMet!.Value));
        Assert.Equal(Duration.FromHours(4), kpis.Resolution.Median);
        Assert.Equal((1, 1), (kpis.Complaints, kpis.ByChannel[ComplaintChannel.Email]));
    }

    private async Task<Complaint> ReceiveAsync(string reference, string? customerId = null)
    {
        if (customerId is not null)
        {
            await _provider.GetRequiredService<CustomerEventProcessor>().ApplyAsync(new CommerceEvents("sla").Registered(new CustomerBuilder().WithId(customerId).Build()));
        }

        return (await _provider.GetRequiredService<ComplaintIntake>().ReceiveAsync(new ComplaintSubmission
        {
            Channel = ComplaintChannel.Email,
            SourceReference = reference,
            Text = "Sipariş durumumu öğrenebilir miyim?",
            CustomerId = customerId,
        })).Complaint;
    }

    private async Task<Complaint> AtAsync(LocalDateTime local, Func<ValueTask<Complaint>> act)
    {
        _clock.Reset(At(local));
        return await act();
    }

    private static Instant At(LocalDateTime local) => local.InZoneStrictly(TimeZones.Istanbul).ToInstant();

    private static SlaTimerState Timer(Complaint complaint, SlaMetric metric) => complaint.Sla.Single(t => t.Metric == metric);

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    private sealed class Collect(List<ComplaintEvent> events) : IComplaintObserver
    {
        public ValueTask OnComplaintEventAsync(ComplaintEvent complaintEvent, CancellationToken cancellationToken = default)
        {
            events.Add(complaintEvent);
            return ValueTask.CompletedTask;
        }
    }
}
