using CustomerCare.Complaints;
using System.Text;
using CustomerCare.Policy.Calendar;
using CustomerCare.Policy.Sla;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Configuration;
using NodaTime;
using static CustomerCare.Tests.Policy.Calendar.Calendars;

namespace CustomerCare.Tests.Policy.Sla;

public sealed class SlaPolicyTests
{
    private static readonly BusinessCalendar Hours = Weekdays("Europe/Istanbul", 9, 17);
    private static readonly Instant Friday17 = At("Europe/Istanbul", 2026, 6, 5, 17);

    [Theory]
    [InlineData(ComplaintChannel.Twitter, ComplaintPriority.Normal, SlaMetric.FirstResponse, 60, SlaTimeBasis.AroundTheClock)]
    [InlineData(ComplaintChannel.Facebook, ComplaintPriority.Urgent, SlaMetric.FirstResponse, 15, SlaTimeBasis.AroundTheClock)]
    [InlineData(ComplaintChannel.Email, ComplaintPriority.Normal, SlaMetric.FirstResponse, 8 * 60, SlaTimeBasis.BusinessHours)]
    [InlineData(ComplaintChannel.Email, ComplaintPriority.Low, SlaMetric.Resolution, 48 * 60, SlaTimeBasis.BusinessHours)]
    [InlineData(ComplaintChannel.Survey, ComplaintPriority.Normal, SlaMetric.FirstResponse, 8 * 60, SlaTimeBasis.BusinessHours)]
    [InlineData(ComplaintChannel.LiveChat, ComplaintPriority.High, SlaMetric.NextResponse, 7.5, SlaTimeBasis.BusinessHours)]
    [InlineData(ComplaintChannel.ComplaintSite, ComplaintPriority.Normal, SlaMetric.FirstResponse, 8 * 60, SlaTimeBasis.AroundTheClock)]
    public void DefaultTable_HasPerChannelTargetsScaledByPriority(ComplaintChannel channel, ComplaintPriority priority, SlaMetric metric, double minutes, SlaTimeBasis basis)
    {
        Assert.Equal(Duration.FromMinutes(minutes), SlaTargetTable.Default.TargetFor(channel, priority, metric));
        Assert.Equal(basis, SlaTargetTable.Default.BasisOf(channel));
    }

    [Fact]
    public void StartTimer_OnSocial_CountsAroundTheClock_AndOnEmail_CountsBusinessHours()
    {
        var policy = new SlaPolicy(SlaTargetTable.Default, Hours);

        var tweet = policy.StartTimer("c-1", ComplaintChannel.Twitter, ComplaintPriority.Normal, SlaMetric.FirstResponse, Friday17)!;
        var mail = policy.StartTimer("c-2", ComplaintChannel.Email, ComplaintPriority.Normal, SlaMetric.FirstResponse, Friday17)!;

        Assert.Equal(Friday17 + Duration.FromHours(1), tweet.Deadline);
        Assert.Equal(new LocalDateTime(2026, 6, 8, 17, 0), mail.Deadline!.Value.Local("Europe/Istanbul"));
    }

    [Fact]
    public void StartTimer_WithoutATargetInTheCell_ReturnsNull()
    {
        var policy = new SlaPolicy(SlaTargetTable.Default.WithTarget(ComplaintChannel.Phone, ComplaintPriority.Low, SlaMetric.NextResponse, null), Hours);

        Assert.Null(policy.StartTimer("c-1", ComplaintChannel.Phone, ComplaintPriority.Low, SlaMetric.NextResponse, Friday17));
        Assert.NotNull(policy.StartTimer("c-1", ComplaintChannel.Phone, ComplaintPriority.Normal, SlaMetric.NextResponse, Friday17));
    }

    [Fact]
    public void FromOptions_BoundFromJsonUnderTurkishCulture_OverridesTheDefaults()
    {
        using var culture = new TurkishCulture();
        const string json = """
            {
              "Sla": {
                "WarningShare": 0.75,
                "PriorityFactors": { "urgent": 0.5 },
                "Channels": {
                  "EMAIL": { "FirstResponse": "8h", "Priorities": { "Urgent": { "FirstResponse": "PT1H30M" } } },
                  "x": { "NextResponse": "none" },
                  "LIVECHAT": { "Basis": "aroundtheclock", "Resolution": "1h30m" }
                }
              }
            }
            """;
        var options = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("Sla").Get<SlaPolicyOptions>()!;

        var policy = SlaPolicy.FromOptions(options, Hours);
        var targets = policy.Targets;

        Assert.Equal(0.75, policy.WarningShare);
        Assert.Equal(Duration.FromHours(8), targets.TargetFor(ComplaintChannel.Email, ComplaintPriority.Normal, SlaMetric.FirstResponse));
        Assert.Equal(Duration.FromHours(4), targets.TargetFor(ComplaintChannel.Email, ComplaintPriority.High, SlaMetric.FirstResponse));
        Assert.Equal(Duration.FromMinutes(90), targets.TargetFor(ComplaintChannel.Email, ComplaintPriority.Urgent, SlaMetric.FirstResponse));
        Assert.Equal(Duration.FromHours(4), targets.TargetFor(ComplaintChannel.Email, ComplaintPriority.Urgent, SlaMetric.NextResponse));
        Assert.Null(targets.TargetFor(ComplaintChannel.Twitter, ComplaintPriority.High, SlaMetric.NextResponse));
        Assert.Equal(SlaTimeBasis.AroundTheClock, targets.BasisOf(ComplaintChannel.LiveChat));
        Assert.Equal(Duration.FromMinutes(90), targets.TargetFor(ComplaintChannel.LiveChat, ComplaintPriority.Normal, SlaMetric.Resolution));
        Assert.Same(BusinessCalendar.AlwaysOpen, policy.CalendarFor(ComplaintChannel.LiveChat));
    }

    [Fact]
    public void FromOptions_BadValues_AreAllRefusedNamingTheirFields()
    {
        var options = new SlaPolicyOptions
        {
            WarningShare = 1.5,
            PriorityFactors = new Dictionary<string, double> { ["Critical"] = 0.1, ["High"] = 0 },
            Channels = new Dictionary<string, SlaChannelOptions>
            {
                ["Fax"] = new(),
                ["Email"] = new() { Basis = "Weekdays", FirstResponse = "1 hour", Priorities = new Dictionary<string, SlaTargetsOptions> { ["Top"] = new(), ["Low"] = new() { Resolution = "-5m" } } },
            },
        };

        var errors = Assert.Throws<FieldValidationException>(() => SlaPolicy.FromOptions(options, Hours)).Errors;

        Assert.Equal(
            ["warning_share", "priority_factors.Critical", "priority_factors.High", "channels.Fax", "channels.Email.basis", "channels.Email.first_response", "channels.Email.priorities.Top", "channels.Email.priorities.Low.resolution"],
            errors.Select(e => e.Field));
        Assert.Equal("1 hour", errors[5].AttemptedValue);
    }

    [Fact]
    public void Policy_RefusesABusinessCalendarPosingAsAlwaysOpen()
    {
        var impostor = new BusinessCalendarBuilder("always-open", "Europe/Istanbul").OpenAroundTheClock().Build();

        Assert.Throws<ArgumentException>(() => new SlaPolicy(SlaTargetTable.Default, impostor));
    }

    [Fact]
    public void WithTarget_NotPositive_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaTargetTable.Empty.WithTarget(ComplaintChannel.Email, ComplaintPriority.Normal, SlaMetric.Resolution, Duration.Zero));
    }
}
