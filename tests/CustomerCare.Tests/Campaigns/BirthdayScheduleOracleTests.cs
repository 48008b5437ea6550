using System.Globalization;
using CustomerCare.Campaigns.Birthday;
using CustomerCare.Customers;
using CustomerCare.Testing;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Tests.Campaigns;

/// <summary>
/// The schedule rejects most birthdays from a table built from the UTC date, before it looks at the customer's zone.
/// These tests hold it against a brute-force oracle in every Tzdb zone, on every annual date, at instants where the
/// zones' dates straddle a day, a year or 29 February.
/// </summary>
public sealed class BirthdayScheduleOracleTests
{
    [Theory]
    [InlineData("2027-05-17T12:00:00Z", 7, Feb29Policy.February28)]
    [InlineData("2027-05-17T12:00:00Z", 1, Feb29Policy.February28)]
    [InlineData("2027-12-31T23:30:00Z", 7, Feb29Policy.February28)]
    [InlineData("2028-01-01T10:30:00Z", 1, Feb29Policy.February28)]
    [InlineData("2027-03-01T11:00:00Z", 1, Feb29Policy.March1)]
    [InlineData("2028-03-01T11:00:00Z", 2, Feb29Policy.February28)]
    public void IsDue_InEveryZoneOnEveryAnnualDate_AgreesWithABruteForceOracle(string instant, int catchUpDays, Feb29Policy policy)
    {
        var now = InstantPattern.General.Parse(instant).Value;
        var options = new BirthdayCampaignOptions { RequireConsent = false, CatchUp = Duration.FromDays(catchUpDays), Feb29 = policy };
        var schedule = new BirthdaySchedule(options, now);
        var template = new CustomerBuilder().Build();
        var due = 0;
        foreach (var id in DateTimeZoneProviders.Tzdb.Ids)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            var localYear = now.InZone(zone).Year;
            foreach (var annual in AllAnnualDates())
            {
                var customer = template with { TimeZone = zone, Birthday = new Birthday(annual, null) };
                var expectedYear = OracleYear(schedule, options, now, annual, zone, localYear);

                var isDue = schedule.IsDue(customer, out var year, out _);

                Assert.True(
                    isDue == (expectedYear is not null) && year == (expectedYear ?? 0),
                    string.Create(CultureInfo.InvariantCulture, $"{id} {annual}: schedule says {isDue} ({year}), the oracle {expectedYear}"));
                due += isDue ? 1 : 0;
            }
        }

        // Somebody somewhere has a birthday in every window, so the comparison above did cover due customers.
        Assert.True(due > 0);
    }

    /// <summary>Tries every birthday-year around the local year: due when its issue instant lies in (now − catch-up, now].</summary>
    private static int? OracleYear(BirthdaySchedule schedule, BirthdayCampaignOptions options, Instant now, AnnualDate annual, DateTimeZone zone, int localYear)
    {
        for (var year = localYear - 1; year <= localYear + 1; year++)
        {
            var issue = schedule.IssueInstant(annual, year, zone);
            if (issue <= now && now < issue + options.CatchUp)
            {
                return year;
            }
        }

        return null;
    }

    private static IEnumerable<AnnualDate> AllAnnualDates()
    {
        for (var month = 1; month <= 12; month++)
        {
            for (var day = 1; day <= CalendarSystem.Iso.GetDaysInMonth(2028, month); day++)
            {
                yield return new AnnualDate(month, day);
            }
        }
    }
}
