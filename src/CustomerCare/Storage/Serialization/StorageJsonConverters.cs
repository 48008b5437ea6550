using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Complaints;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Storage.Serialization;

/// <summary>The converters of <see cref="StorageJson"/>: value types as strings, and the records that need a hand.</summary>
internal static class StorageJsonConverters
{
    /// <summary>Every converter, for one options instance.</summary>
    public static IEnumerable<JsonConverter> All =>
    [
        Text(InstantPattern.ExtendedIso),
        Text(LocalDatePattern.Iso),
        Text(LocalTimePattern.ExtendedIso),
        Text(AnnualDatePattern.Iso),
        Text(DurationPattern.Roundtrip),
        new StringValueConverter<DateTimeZone>(zone => zone.Id, id => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new FormatException($"'{id}' is not a TZDB zone id.")),
        new StringValueConverter<CustomerId>(id => id.Value, CustomerId.From),
        new StringValueConverter<OrderId>(id => id.Value, OrderId.From),
        new StringValueConverter<EventId>(id => id.Value, EventId.From),
        new StringValueConverter<ComplaintId>(id => id.Value, ComplaintId.From),
        new StringValueConverter<SurveyId>(id => id.Value, SurveyId.From),
        new StringValueConverter<CouponCode>(code => code.Value, CouponCode.Parse),
        new StringValueConverter<EmailAddress>(email => email.Value, EmailAddress.Parse),
        new StringValueConverter<PhoneNumber>(phone => phone.Value, PhoneNumber.Parse),
        new StringValueConverter<Locale>(locale => locale.Name, Locale.Parse),
        new StringValueConverter<Currency>(currency => currency.Code, Currency.FromCode),
        new CustomerConverter(),
        new DiscountConverter(),
    ];

    private static StringValueConverter<T> Text<T>(IPattern<T> pattern) =>
        new(pattern.Format, text => pattern.Parse(text).GetValueOrThrow());
}
