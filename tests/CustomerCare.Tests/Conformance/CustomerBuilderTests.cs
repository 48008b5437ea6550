using CustomerCare.Customers;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Tests.Conformance;

public sealed class CustomerBuilderTests
{
    [Fact]
    public void Build_WithoutAnId_TakesTheNextIdOfThisBuilder()
    {
        var builder = new CustomerBuilder();

        Assert.Equal(["customer-1", "customer-2", "customer-3"], Enumerable.Range(0, 3).Select(_ => builder.Build().Id.Value));
        Assert.Equal("customer-1", new CustomerBuilder().Build().Id.Value);
        Assert.Equal("vip-1", new CustomerBuilder("vip").Build().Id.Value);
    }

    [Fact]
    public void Build_WithAnId_KeepsIt()
    {
        var builder = new CustomerBuilder().WithId("c-1");

        Assert.Equal("c-1", builder.Build().Id.Value);
        Assert.Equal("c-1", builder.Build().Id.Value);
    }

    [Fact]
    public void Build_Defaults_AreAnUnsavedTurkishCustomerWithEmptyStats()
    {
        var customer = new CustomerBuilder().Build();

        Assert.Equal("Test Customer", customer.Name.FullName);
        Assert.Equal(Instant.FromUtc(2026, 1, 1, 9, 0), customer.SignedUpAt);
        Assert.Equal(Currency.TRY, customer.Stats.TotalSpend.Currency);
        Assert.Equal(0, customer.Stats.OrderCount);
        Assert.Equal("Europe/Istanbul", customer.TimeZone.Id);
        Assert.Equal("tr-TR", customer.Locale.Name);
        Assert.Null(customer.Birthday);
        Assert.Null(customer.City);
        Assert.Empty(customer.Tags);
        Assert.Equal(0, customer.Version);
    }

    [Fact]
    public void Build_EveryFluentSetting_ReachesTheCustomer()
    {
        var signedUp = Instant.FromUtc(2024, 2, 29, 12, 0);

        var customer = new CustomerBuilder()
            .WithId("c-1")
            .Named("Ayşe", "Yılmaz")
            .BornOn(2, 29)
            .BornOn(1992, 2, 29)
            .InZone("Europe/Istanbul")
            .InCity("İstanbul")
            .WithTags("vip", "Çok Sadık")
            .SignedUpAt(signedUp)
            .WithEmail("ayse@example.com")
            .WithPhone("+90 532 123 45 67")
            .WithLocale("en-GB")
            .PayingIn(Currency.EUR)
            .With(c => c with { Gender = Gender.Female })
            .Build();

        Assert.Equal("Ayşe Yılmaz", customer.Name.FullName);
        Assert.Equal(Birthday.Create(2, 29, 1992), customer.Birthday);
        Assert.Equal("İstanbul", customer.City);
        Assert.True(customer.Tags.SetEquals(["VIP", "çok sadık"]));
        Assert.Equal(signedUp, customer.SignedUpAt);
        Assert.Equal("ayse@example.com", customer.Email?.Value);
        Assert.Equal("+905321234567", customer.Phone?.Value);
        Assert.Equal("en-GB", customer.Locale.Name);
        Assert.Equal(Currency.EUR, customer.Stats.TotalSpend.Currency);
        Assert.Equal(Gender.Female, customer.Gender);
    }

    [Fact]
    public void BornOn_MonthAndDayOnly_HasNoYear()
    {
        var customer = new CustomerBuilder().BornOn(2, 29).Build();

        Assert.Equal(new AnnualDate(2, 29), customer.Birthday?.Date);
        Assert.Null(customer.Birthday?.Year);
    }

    [Fact]
    public void WithStatsAndEngagement_ReplaceTheEmptyOnes()
    {
        var stats = new PurchaseStats(Currency.USD).WithOrderPlaced(new Money(10m, Currency.USD), Instant.FromUtc(2026, 1, 2, 0, 0));
        var engagement = EngagementCounters.None with { ReviewCount = 4 };

        var customer = new CustomerBuilder().PayingIn(Currency.TRY).WithStats(stats).WithEngagement(engagement).Build();

        Assert.Equal(stats, customer.Stats);
        Assert.Same(engagement, customer.Engagement);
    }

    [Fact]
    public void BornOn_Feb29InACommonYear_IsRefusedNamingTheBirthday()
    {
        var error = Assert.Throws<FieldValidationException>(() => new CustomerBuilder().BornOn(1991, 2, 29));

        Assert.Equal("birthday", error.Errors[0].Field);
        Assert.Contains("1991-02-29", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InZone_UnknownZone_IsRefusedNamingTheZone()
    {
        var error = Assert.Throws<FieldValidationException>(() => new CustomerBuilder().InZone("Europe/Istanbull"));

        Assert.Equal("time_zone", error.Errors[0].Field);
        Assert.Contains("Europe/Istanbull", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithEmail_Malformed_IsRefusedAtTheCall()
    {
        var error = Assert.Throws<FieldValidationException>(() => new CustomerBuilder().WithEmail("ayse.example.com"));

        Assert.Equal("email", error.Errors[0].Field);
    }

    [Fact]
    public void Build_TagWithAControlCharacter_IsRefusedNamingTags()
    {
        var builder = new CustomerBuilder().WithTags("vip", "bad\ttag");

        var error = Assert.Throws<FieldValidationException>(builder.Build);

        Assert.Equal("tags", error.Errors[0].Field);
    }
}
