using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Import;

/// <summary>What the format readers need besides the row: the clock, the store currency and the profile defaults.</summary>
internal sealed record ImportContext(IClock Clock, Currency Currency, Locale DefaultLocale, DateTimeZone DefaultTimeZone);
