using CustomerCare.Customers;
using CustomerCare.Policy.Promises;
using NodaTime;

namespace CustomerCare.Tests.Policy;

public sealed class DeliveryPromisesTests
{
    private static readonly LocalDate Promised = new(2027, 3, 5);

    [Theory]
    // 00:30 on the 6th in Kiritimati is 10:30 UTC on the 5th, still the 5th in Istanbul: late for the customer, on time for the company.
    [InlineData(LatenessBasis.CustomerLocalDate, "Pacific/Kiritimati", 2027, 3, 6, 0, 30, true)]
    [InlineData(LatenessBasis.PolicyZoneInstant, "Pacific/Kiritimati", 2027, 3, 6, 0, 30, false)]
    // 20:00 on the 5th in New York is 04:00 on the 6th in Istanbul: on time for the customer, late for the company.
    [InlineData(LatenessBasis.CustomerLocalDate, "America/New_York", 2027, 3, 5, 20, 0, false)]
    [InlineData(LatenessBasis.PolicyZoneInstant, "America/New_York", 2027, 3, 5, 20, 0, true)]
    [InlineData(LatenessBasis.CustomerLocalDate, "Europe/Istanbul", 2027, 3, 5, 23, 59, false)]
    [InlineData(LatenessBasis.CustomerLocalDate, "Europe/Istanbul", 2027, 3, 6, 0, 0, true)]
    [InlineData(LatenessBasis.PolicyZoneInstant, "Europe/Istanbul", 2027, 3, 6, 0, 0, true)]
    public void IsLate_DependsOnTheChosenBasis(LatenessBasis basis, string zone, int y, int m, int d, int h, int min, bool late)
    {
        var customerZone = TimeZones.Resolve(zone);
        var deliveredAt = new LocalDateTime(y, m, d, h, min).InZoneStrictly(customerZone).ToInstant();

        Assert.Equal(late, new DeliveryPromises(new PromiseOptions { Lateness = basis }).IsLate(Promised, deliveredAt, customerZone));
    }

    [Fact]
    public void Options_WithAnUnknownZoneAndNoDays_AreRefusedNamingEach()
    {
        var refused = Assert.Throws<FieldValidationException>(() => new DeliveryPromises(new PromiseOptions
        {
            Zone = "Europe/Istanbull",
            NeverDeliveredAfterDays = 0,
            FreeShippingOver = new Money(-1m, Currency.TRY),
            PriceMatchDays = 0,
        }));

        Assert.Equal(["Zone", "NeverDeliveredAfterDays", "FreeShippingOver", "PriceMatchDays"], refused.Errors.Select(e => e.Field));
    }
}
