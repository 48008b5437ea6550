using System.Collections.Immutable;
using System.Globalization;
using CustomerCare.Customers;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Import;

/// <summary>The <c>customers.csv</c> format: its columns, and how one row becomes a <see cref="Customer"/>.</summary>
internal static class CustomerCsv
{
    /// <summary>Reads one row; returns <see langword="null"/> when any value was refused (each refusal is reported).</summary>
    /// <param name="row">The row.</param>
    /// <param name="context">Defaults and the clock.</param>
    /// <param name="id">The customer identifier when it is valid, even if another value was refused.</param>
    public static ImportedCustomer? Read(CsvRow row, ImportContext context, out CustomerId? id)
    {
        id = ReadId(row);
        var given = row.Required(CustomerColumns.GivenName);
        var name = given is null ? null : row.Try(() => new PersonName(given, row.Text(CustomerColumns.FamilyName)));
        var signedUpAt = row.Instant(CustomerColumns.SignedUpAt, required: true);
        var email = Parse<EmailAddress>(row, CustomerColumns.Email, (string t, out EmailAddress v, out FieldError? e) => EmailAddress.TryParse(t, out v, out e, CustomerColumns.Email));
        var phone = Parse<PhoneNumber>(row, CustomerColumns.Phone, (string t, out PhoneNumber v, out FieldError? e) => PhoneNumber.TryParse(t, out v, out e, CustomerColumns.Phone));
        var locale = Parse<Locale>(row, CustomerColumns.Locale, (string t, out Locale v, out FieldError? e) => Locale.TryParse(t, out v, out e, CustomerColumns.Locale)) ?? context.DefaultLocale;
        var zone = ReadZone(row) ?? context.DefaultTimeZone;
        var birthday = ReadBirthday(row, context.Clock, zone);
        var gender = ReadEnum<Gender>(row, CustomerColumns.Gender);
        var ageBand = ReadEnum<AgeBand>(row, CustomerColumns.AgeBand);
        var education = ReadEnum<Education>(row, CustomerColumns.Education);
        var incomeBand = ReadEnum<IncomeBand>(row, CustomerColumns.IncomeBand);
        var city = row.Text(CustomerColumns.City);
        if (city is not null)
        {
            CsvText.Check(row, CustomerColumns.City, city);
        }

        var tags = row.List(CustomerColumns.Tags);
        CsvText.CheckAll(row, CustomerColumns.Tags, tags);
        var subscriptions = row.List(CustomerColumns.Subscriptions);
        CsvText.CheckAll(row, CustomerColumns.Subscriptions, subscriptions);
        var opens = row.Integer(CustomerColumns.EmailOpens, 0, long.MaxValue) ?? 0;
        var clicks = row.Integer(CustomerColumns.EmailClicks, 0, long.MaxValue) ?? 0;
        var acceptsMarketing = row.Boolean(CustomerColumns.AcceptsMarketing) ?? false;
        var birthdaySetAt = ReadBirthdaySetAt(row, context.Clock, birthday);

        if (row.HasErrors || id is not { } customerId || name is null || signedUpAt is not { } signedUp)
        {
            return null;
        }

        var profile = row.Try(() => new Customer(customerId, name, signedUp, context.Currency)
        {
            Email = email,
            Phone = phone,
            Locale = locale,
            TimeZone = zone,
            Birthday = birthday,
            BirthdaySetAt = birthdaySetAt,
            Gender = gender,
            AgeBand = ageBand,
            Education = education,
            IncomeBand = incomeBand,
            City = city,
            Tags = tags.ToImmutableHashSet(),
            Engagement = EngagementCounters.None with
            {
                EmailOpens = opens,
                EmailClicks = clicks,
                Subscriptions = EngagementCounters.None.Subscriptions.Union(subscriptions),
            },
        });
        if (profile is null)
        {
            return null;
        }

        // The column becomes grants in the consent ledger; the profile carries the state they give as its snapshot.
        return new ImportedCustomer(row.Ref, acceptsMarketing ? profile with { Consents = ImportConsent.State(profile) } : profile, acceptsMarketing);
    }

    /// <summary>Reads and checks a customer identifier column (also used by the orders and reviews formats).</summary>
    public static CustomerId? ReadId(CsvRow row, string column = CustomerColumns.CustomerId)
    {
        var text = row.Required(column);
        if (text is null)
        {
            return null;
        }

        if (CustomerId.TryFrom(text, out var id, out var error, column))
        {
            return id;
        }

        row.Error(error);
        return null;
    }

    private delegate bool TryParser<T>(string text, out T value, out FieldError? error);

    private static T? Parse<T>(CsvRow row, string column, TryParser<T> parse)
        where T : struct
    {
        var text = row.Text(column);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value, out var error))
        {
            return value;
        }

        row.Error(error!);
        return null;
    }

    private static DateTimeZone? ReadZone(CsvRow row)
    {
        var text = row.Text(CustomerColumns.TimeZone);
        if (text is null)
        {
            return null;
        }

        if (TimeZones.TryResolve(text, out var zone, out var error, field: CustomerColumns.TimeZone))
        {
            return zone;
        }

        row.Error(error);
        return null;
    }

    private static Instant? ReadBirthdaySetAt(CsvRow row, IClock clock, Birthday? birthday)
    {
        var setAt = row.Instant(CustomerColumns.BirthdaySetAt);
        if (setAt is not { } value)
        {
            return null;
        }

        var text = row.Text(CustomerColumns.BirthdaySetAt);
        if (value > clock.GetCurrentInstant())
        {
            row.Error(CustomerColumns.BirthdaySetAt, text, FieldErrorCodes.OutOfRange, "is in the future");
            return null;
        }

        if (birthday is null && row.Text(CustomerColumns.Birthday) is null)
        {
            row.Error(CustomerColumns.BirthdaySetAt, text, FieldErrorCodes.OutOfRange, $"is given but the row has no {CustomerColumns.Birthday}");
            return null;
        }

        return value;
    }

    private static Birthday? ReadBirthday(CsvRow row, IClock clock, DateTimeZone zone)
    {
        var text = row.Text(CustomerColumns.Birthday);
        if (text is null)
        {
            return null;
        }

        if (!Birthday.TryParse(text, out var birthday, out var error, CustomerColumns.Birthday))
        {
            row.Error(error);
            return null;
        }

        // "Now" is the customer's own today, so a birthday that is already today in Istanbul is not refused from UTC.
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        if (birthday.Year > today.Year)
        {
            row.Error(CustomerColumns.Birthday, text, FieldErrorCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"has a birth year after the current year {today.Year}"));
            return null;
        }

        if (birthday.Year == today.Year && birthday.InYear(today.Year) > today)
        {
            row.Error(CustomerColumns.Birthday, text, FieldErrorCodes.OutOfRange, $"is after today ({LocalDatePattern.Iso.Format(today)})");
            return null;
        }

        return birthday;
    }

    private static TEnum ReadEnum<TEnum>(CsvRow row, string column)
        where TEnum : struct, Enum
    {
        if (EnumText.TryParse<TEnum>(row.Text(column), out var value, out var error, column))
        {
            return value;
        }

        row.Error(error);
        return default;
    }
}
