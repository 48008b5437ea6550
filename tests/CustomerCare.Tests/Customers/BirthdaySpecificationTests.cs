using CustomerCare.Campaigns.Birthday;
using CustomerCare.Customers;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Tests.Customers;

public sealed class BirthdaySpecificationTests
{
    [Fact]
    public void Dates_AreDistinctAndInCalendarOrder()
    {
        var spec = new BirthdaySpecification([new AnnualDate(3, 1), new AnnualDate(2, 29), new AnnualDate(3, 1), new AnnualDate(1, 31)]);

        Assert.Equal([new AnnualDate(1, 31), new AnnualDate(2, 29), new AnnualDate(3, 1)], spec.Dates);
    }

    [Fact]
    public void IsSatisfiedBy_MatchesOnMonthAndDayWhateverTheYear_AndNeverACustomerWithoutABirthday()
    {
        var spec = new BirthdaySpecification([new AnnualDate(2, 29)]);

        Assert.True(spec.IsSatisfiedBy(new CustomerBuilder().WithId("c-1").BornOn(1996, 2, 29).Build()));
        Assert.True(spec.IsSatisfiedBy(new CustomerBuilder().WithId("c-2").BornOn(2, 29).Build()));
        Assert.False(spec.IsSatisfiedBy(new CustomerBuilder().WithId("c-3").BornOn(1996, 2, 28).Build()));
        Assert.False(spec.IsSatisfiedBy(new CustomerBuilder().WithId("c-4").Build()));
    }

    [Theory]
    [InlineData("2027-02-28T06:00:00Z")]
    [InlineData("2028-02-29T23:30:00Z")]
    [InlineData("2026-12-31T11:00:00Z")]
    public void CandidateDates_CoverEveryBirthdayThatIsDueInAnyZone(string instant)
    {
        var now = NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value;
        var options = new BirthdayCampaignOptions { CouponDefinitionId = "bday", AntiGamingWait = Duration.Zero, RequireConsent = false };
        var schedule = new BirthdaySchedule(options, now);
        var candidates = schedule.CandidateDates().ToHashSet();
        var dueSomewhere = 0;

        foreach (var zone in DateTimeZoneProviders.Tzdb.Ids)
        {
            var inZone = new CustomerBuilder().WithId("c-1").InZone(zone).Build();
            for (var month = 1; month <= 12; month++)
            {
                for (var day = 1; day <= CalendarSystem.Iso.GetDaysInMonth(2028, month); day++)
                {
                    var date = new AnnualDate(month, day);
                    var customer = inZone with { Birthday = new Birthday(date, 1990) };
                    if (schedule.IsDue(customer, out _, out _))
                    {
                        dueSomewhere++;
                        Assert.Contains(date, candidates);
                    }
                }
            }
        }

        Assert.True(dueSomewhere > 0, "no birthday was due in any zone, so the test checked nothing");
        Assert.True(candidates.Count < 20, $"{candidates.Count} candidate dates: too many for an index lookup");
    }
}
