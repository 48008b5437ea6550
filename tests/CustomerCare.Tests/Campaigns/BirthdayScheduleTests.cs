using CustomerCare.Campaigns.Birthday;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Tests.Campaigns;

public sealed class BirthdayScheduleTests
{
    private static readonly BirthdayCampaignOptions Options = new();

    [Theory]
    [InlineData(2027, Feb29Policy.February28, 2, 28)]
    [InlineData(2027, Feb29Policy.March1, 3, 1)]
    [InlineData(2028, Feb29Policy.February28, 2, 29)]
    [InlineData(2028, Feb29Policy.March1, 2, 29)]
    [InlineData(2100, Feb29Policy.February28, 2, 28)]
    [InlineData(2100, Feb29Policy.March1, 3, 1)]
    public void DateIn_Feb29_FollowsThePolicyInCommonYears(int year, Feb29Policy policy, int month, int day)
    {
        Assert.Equal(new LocalDate(year, month, day), BirthdaySchedule.DateIn(new AnnualDate(2, 29), year, policy));
    }

    [Theory]
    [InlineData("Europe/Istanbul", 2027, 5, 17, 9, 0, "2027-05-17T06:00:00Z")]
    [InlineData("Pacific/Kiritimati", 2027, 5, 17, 9, 0, "2027-05-16T19:00:00Z")]
    [InlineData("America/Adak", 2027, 5, 17, 9, 0, "2027-05-17T18:00:00Z")]
    [InlineData("America/Sao_Paulo", 2015, 10, 18, 0, 0, "2015-10-18T03:00:00Z")]
    [InlineData("Pacific/Apia", 2011, 12, 30, 9, 0, "2011-12-30T19:00:00Z")]
    public void IssueInstant_IsTheLocalHourInTheCustomersZone_MovedPastSkippedTimes(string zone, int year, int month, int day, int hour, int minute, string expected)
    {
        var schedule = new BirthdaySchedule(new BirthdayCampaignOptions { IssueAt = new LocalTime(hour, minute) }, Instant.FromUtc(2030, 1, 1, 0, 0));

        var issue = schedule.IssueInstant(new AnnualDate(month, day), year, DateTimeZoneProviders.Tzdb[zone]);

        Assert.Equal(expected, issue.ToString());
    }

    [Fact]
    public void IssueInstant_OnTheDayApiaSkipped_FallsOnTheNextExistingDate()
    {
        var apia = DateTimeZoneProviders.Tzdb["Pacific/Apia"];
        var schedule = new BirthdaySchedule(Options, Instant.FromUtc(2030, 1, 1, 0, 0));

        var local = schedule.IssueInstant(new AnnualDate(12, 30), 2011, apia).InZone(apia).LocalDateTime;

        Assert.Equal(new LocalDateTime(2011, 12, 31, 9, 0), local);
    }

    [Fact]
    public void IssueInstant_InEveryTzdbZone_IsOnTheBirthdayOrTheNextExistingDate()
    {
        var schedule = new BirthdaySchedule(Options, Instant.FromUtc(2030, 1, 1, 0, 0));
        var birthdays = new[] { new AnnualDate(1, 1), new AnnualDate(2, 29), new AnnualDate(3, 29), new AnnualDate(10, 26), new AnnualDate(12, 31) };
        foreach (var id in DateTimeZoneProviders.Tzdb.Ids)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            foreach (var year in new[] { 2026, 2027, 2028 })
            {
                foreach (var birthday in birthdays)
                {
                    var date = BirthdaySchedule.DateIn(birthday, year, Feb29Policy.February28);
                    var local = schedule.IssueInstant(birthday, year, zone).InZone(zone).LocalDateTime;

                    var daySkipped = zone.MapLocal(date.At(new LocalTime(12, 0))).Count == 0;
                    Assert.True(local.Date == date || (daySkipped && local.Date == date.PlusDays(1)), $"{id} {year} {birthday}: issued {local}");
                    Assert.True(local.TimeOfDay >= Options.IssueAt || local.Date > date, $"{id} {year} {birthday}: issued before the hour, {local}");
                }
            }
        }
    }

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    public void IsDue_FromTheLocalHour(int hour, int minute, bool expected)
    {
        var customer = new CustomerBuilder().BornOn(5, 17).InZone("Europe/Istanbul").With(c => c with { Consents = Support.TestConsents.Marketing(true) }).Build();
        var now = TestClocks.At(2027, 5, 17, hour, minute, "Europe/Istanbul").GetCurrentInstant();

        Assert.Equal(expected, new BirthdaySchedule(Options, now).IsDue(customer, out _, out _));
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(8, false)]
    public void IsDue_AfterDowntime_CatchesUpForSevenDays(int daysLate, bool expected)
    {
        var customer = new CustomerBuilder().BornOn(5, 17).InZone("Europe/Istanbul").With(c => c with { Consents = Support.TestConsents.Marketing(true) }).Build();
        var now = TestClocks.At(2027, 5, 17, 9, 30, "Europe/Istanbul").GetCurrentInstant() + Duration.FromDays(daysLate);

        Assert.Equal(expected, new BirthdaySchedule(Options, now).IsDue(customer, out var year, out _));
        Assert.Equal(expected ? 2027 : 0, year);
    }

    [Fact]
    public void IsDue_AcrossNewYear_GivesLastYearsBirthdayItsOwnYear()
    {
        var customer = new CustomerBuilder().BornOn(12, 31).InZone("Asia/Tokyo").With(c => c with { Consents = Support.TestConsents.Marketing(true) }).Build();
        var now = TestClocks.At(2028, 1, 2, 10, 0, "Asia/Tokyo").GetCurrentInstant();

        Assert.True(new BirthdaySchedule(Options, now).IsDue(customer, out var year, out _));
        Assert.Equal(2027, year);
    }

    [Fact]
    public void IsDue_BirthdaySetWithin30Days_WaitsUntilNextYear()
    {
        var now = TestClocks.At(2027, 5, 17, 12, 0, "Europe/Istanbul").GetCurrentInstant();
        var recent = new CustomerBuilder().BornOn(5, 17).With(c => c with { Consents = Support.TestConsents.Marketing(true), BirthdaySetAt = now - Duration.FromDays(10) }).Build();
        var settled = recent with { BirthdaySetAt = now - Duration.FromDays(40) };

        Assert.False(new BirthdaySchedule(Options, now).IsDue(recent, out _, out _));
        Assert.True(new BirthdaySchedule(Options, now).IsDue(settled, out _, out _));
    }

    [Fact]
    public void IsDue_WithoutMarketingConsent_IsNotDue()
    {
        var customer = new CustomerBuilder().BornOn(5, 17).Build();
        var now = TestClocks.At(2027, 5, 17, 12, 0, "Europe/Istanbul").GetCurrentInstant();

        Assert.False(new BirthdaySchedule(Options, now).IsDue(customer, out _, out _));
        Assert.True(new BirthdaySchedule(new BirthdayCampaignOptions { RequireConsent = false }, now).IsDue(customer, out _, out _));
    }
}
