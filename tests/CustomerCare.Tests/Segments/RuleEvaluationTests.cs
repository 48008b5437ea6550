using CustomerCare.Customers;
using CustomerCare.Segments;
using CustomerCare.Segments.Evaluation;
using CustomerCare.Segments.Rules;
using CustomerCare.Testing;
using CustomerCare.Tests.Support;
using NodaTime;

namespace CustomerCare.Tests.Segments;

public sealed class RuleEvaluationTests
{
    // 2026-11-22 21:30 UTC: already 2026-11-23 in Istanbul (UTC+3) and in Kiritimati (UTC+14), still the 22nd in New York.
    private static readonly Instant AsOf = Instant.FromUtc(2026, 11, 22, 21, 30);
    private static int _built;

    [Theory]
    [InlineData("city = 'istanbul'")]
    [InlineData("city = 'ISTANBUL'")]
    [InlineData("city = 'ıstanbul'")]
    [InlineData("city in ['Ankara', 'İSTANBUL']")]
    [InlineData("city starts with 'İST'")]
    [InlineData("city contains 'TANB'")]
    public void City_TurkishDottedAndDotlessI_MatchUnderTurkishCulture(string rule)
    {
        using var culture = new TurkishCulture();
        var table = CustomerTable.Create([Fresh().InCity("İstanbul").Build(), Fresh().InCity("Ankara").Build(), Fresh().InCity("Eskisehir").Build()], AsOf);

        var members = SegmentRule.Parse(rule).Evaluate(table);

        Assert.True(members.Contains(0));
        Assert.False(members.Contains(2));
    }

    [Theory]
    [InlineData(89, true)]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void WithinDays_CountsDaysInTheCustomersZone_BothEndsIncluded(int daysAgo, bool expected)
    {
        var today = AsOf.InZone(TimeZones.Istanbul).Date;
        var lastOrder = today.PlusDays(-daysAgo).AtStartOfDayInZone(TimeZones.Istanbul).ToInstant() + Duration.FromHours(23);
        var customer = Fresh().WithStats(new PurchaseStats(Currency.TRY) with { OrderCount = 1, FirstOrderAt = lastOrder, LastOrderAt = lastOrder }).Build();

        Assert.Equal(expected, SegmentRule.Parse("last_order within 90 days").Matches(customer, AsOf));
        Assert.Equal(expected, SegmentRule.Parse("days_since_last_order <= 90").Matches(customer, AsOf));
    }

    [Fact]
    public void WithinDays_FutureDate_IsNotWithin()
    {
        var future = AsOf + Duration.FromDays(3);
        var customer = Fresh().WithStats(new PurchaseStats(Currency.TRY) with { OrderCount = 1, FirstOrderAt = future, LastOrderAt = future }).Build();

        Assert.False(SegmentRule.Parse("last_order within 90 days").Matches(customer, AsOf));
    }

    [Theory]
    [InlineData("Europe/Istanbul", 0)]
    [InlineData("Pacific/Kiritimati", 0)]
    [InlineData("America/New_York", 1)]
    public void DaysUntilBirthday_IsCountedFromTheCustomersOwnToday(string zone, int expected)
    {
        var customer = Fresh().BornOn(11, 23).InZone(zone).Build();

        Assert.True(SegmentRule.Parse($"days_until_birthday = {expected}").Matches(customer, AsOf));
    }

    [Theory]
    [InlineData(2027, 2, 27, 1)]
    [InlineData(2027, 2, 28, 0)]
    [InlineData(2028, 2, 28, 1)]
    [InlineData(2028, 2, 29, 0)]
    public void DaysUntilBirthday_Feb29_FallsOnFeb28InCommonYears(int year, int month, int day, int expected)
    {
        var customer = Fresh().BornOn(2, 29).InZone("Europe/Istanbul").Build();
        var asOf = new LocalDate(year, month, day).AtStartOfDayInZone(TimeZones.Istanbul).ToInstant() + Duration.FromHours(12);

        Assert.True(SegmentRule.Parse($"days_until_birthday = {expected}").Matches(customer, asOf));
    }

    [Fact]
    public void MissingValue_OnlySatisfiesNotEqualNotInAndIsNull()
    {
        var customer = Fresh().Build();
        bool Holds(string rule) => SegmentRule.Parse(rule).Matches(customer, AsOf);

        Assert.False(Holds("age = 30"));
        Assert.False(Holds("age > 0"));
        Assert.False(Holds("age between 0 and 200"));
        Assert.True(Holds("age != 30"));
        Assert.True(Holds("not age = 30"));
        Assert.True(Holds("age not in [30, 31]"));
        Assert.True(Holds("age is null"));
        Assert.True(Holds("tag is null"));
    }

    [Theory]
    [InlineData("orders >= 2.5", 3, true)]
    [InlineData("orders >= 2.5", 2, false)]
    [InlineData("orders > 2.5", 3, true)]
    [InlineData("orders < 2.5", 2, true)]
    [InlineData("orders <= 2.5", 3, false)]
    [InlineData("orders = 2.5", 2, false)]
    [InlineData("orders != 2.5", 2, true)]
    [InlineData("orders in [1, 2, 3, 4, 5, 6]", 6, true)]
    [InlineData("orders in [1, 2, 3, 4, 5, 6]", 7, false)]
    [InlineData("orders > 99999999999", 7, false)]
    [InlineData("orders >= -99999999999", 7, true)]
    public void NumberComparisons_WithFractionsAndHugeValues_AreExact(string rule, int orders, bool expected)
    {
        var customer = Fresh().WithStats(new PurchaseStats(Currency.TRY) with { OrderCount = orders }).Build();

        Assert.Equal(expected, SegmentRule.Parse(rule).Matches(customer, AsOf));
    }

    [Fact]
    public void Tags_MatchAsSets()
    {
        var table = CustomerTable.Create([Fresh().WithTags("VIP", "İndirim").Build(), Fresh().WithTags("staff").Build(), Fresh().Build()], AsOf);
        int[] Members(string rule) => [.. SegmentRule.Parse(rule).Evaluate(table).Indexes()];

        Assert.Equal([0], Members("tag = 'vip'"));
        Assert.Equal([0], Members("tags contains 'indirim'"));
        Assert.Equal([0, 1], Members("tag in ['INDIRIM', 'staff']"));
        Assert.Equal([0, 2], Members("not tag = 'staff'"));
        Assert.Equal([2], Members("tag is null"));
    }

    [Fact]
    public void Matches_RuleReadingRfm_NeedsAPopulation()
    {
        Assert.Throws<InvalidOperationException>(() => SegmentRule.Parse("rfm_r = 5").Matches(Fresh().Build(), AsOf));
    }

    [Fact]
    public void ServiceHistory_FeedsTheUnhappyFields()
    {
        var customer = Fresh().Build();
        var rule = SegmentRule.Parse("open_complaints > 0 or last_csat <= 2");

        Assert.True(rule.Matches(customer, AsOf, new ServiceHistory(1, AsOf, null)));
        Assert.True(rule.Matches(customer, AsOf, new ServiceHistory(0, null, 2)));
        Assert.False(rule.Matches(customer, AsOf, new ServiceHistory(0, null, 5)));
        Assert.False(rule.Matches(customer, AsOf));
    }

    [Fact]
    public void Evaluate_IntoCallerBits_ClearsThemFirstAndChecksTheLength()
    {
        var table = CustomerTable.Create([Fresh().InCity("Bursa").Build(), Fresh().InCity("Ankara").Build()], AsOf);
        var bits = new ulong[] { ulong.MaxValue };
        var rule = SegmentRule.Parse("city = 'bursa'");

        rule.Evaluate(table, bits);

        Assert.Equal(1UL, bits[0]);
        Assert.Throws<ArgumentException>(() => rule.Evaluate(table, []));
    }

    [Fact]
    public void Evaluate_MoreThan64Customers_SetsBitsInLaterWords()
    {
        var customers = Enumerable.Range(0, 200).Select(i => Fresh().InCity(i % 3 == 0 ? "Bursa" : "Ankara").Build()).ToArray();
        var table = CustomerTable.Create(customers, AsOf);

        var members = SegmentRule.Parse("city = 'Bursa'").Evaluate(table);

        Assert.Equal(Enumerable.Range(0, 200).Where(i => i % 3 == 0), members.Indexes());
        Assert.Equal(67, members.Count);
    }

    // CustomerBuilder keeps what it was told between builds, so each customer starts from a fresh one.
    private static CustomerBuilder Fresh() => new("c" + Interlocked.Increment(ref _built).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
