using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Bogus;
using CustomerCare.Customers;
using NodaTime;
using BogusGender = Bogus.DataSets.Name.Gender;

namespace CustomerCare.Sample.Simulation;

/// <summary>Makes realistic Turkish customers with Bogus's <c>tr</c> locale and the seeded random source.</summary>
/// <remarks>
/// About 5 % live abroad in another IANA zone; some were born on 29 February; a few write their city in another
/// case (<c>ISTANBUL</c>, <c>izmir</c>), which the report folds together with <c>TurkishInvariantComparer</c>.
/// </remarks>
public sealed class CustomerFactory
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    private readonly Faker _faker;
    private readonly Instant _start;
    private readonly int _days;
    private readonly int _seed;

    /// <summary>Creates a factory.</summary>
    /// <param name="faker">A <c>tr</c> faker whose random source is seeded.</param>
    /// <param name="start">Where the simulated calendar starts.</param>
    /// <param name="days">How many days the simulation runs.</param>
    /// <param name="seed">The seed, part of every customer identifier so runs with other seeds do not collide.</param>
    public CustomerFactory(Faker faker, Instant start, int days, int seed)
    {
        _faker = faker ?? throw new ArgumentNullException(nameof(faker));
        _start = start;
        _days = days;
        _seed = seed;
    }

    private Randomizer Random => _faker.Random;

    /// <summary>Makes the customer with the given number.</summary>
    /// <param name="number">1 for the first customer, and so on.</param>
    /// <returns>The customer, their registration day and how often they order.</returns>
    public SimulatedCustomer Create(int number)
    {
        // Half the customers already existed and reach the library in the first day's back-fill; the rest sign up
        // during the run.
        var backFilled = Random.Bool(0.5f);
        var registrationDay = backFilled ? 0 : Random.Int(0, _days - 1);
        var dayStart = _start + Duration.FromDays(registrationDay);
        var signedUpAt = backFilled
            ? _start - Duration.FromDays(Random.Int(1, 730)) - Duration.FromSeconds(Random.Int(0, 86_399))
            : dayStart + Duration.FromSeconds(Random.Int(0, 86_399));
        var deliverAt = backFilled ? _start : signedUpAt;

        var gender = Weighted.Pick(Random, (Gender.Female, 47), (Gender.Male, 47), (Gender.Other, 1), (Gender.Unspecified, 5));
        var givenName = _faker.Name.FirstName(gender switch
        {
            Gender.Female => BogusGender.Female,
            Gender.Male => BogusGender.Male,
            _ => Random.Bool() ? BogusGender.Female : BogusGender.Male,
        });
        var familyName = _faker.Name.LastName();
        var abroad = Random.Bool(0.05f) ? Places.Abroad[Random.Int(0, Places.Abroad.Count - 1)] : null;
        var birthday = Birthday();
        var tags = Tags();

        var profile = new Customer(CustomerId.From(string.Create(CultureInfo.InvariantCulture, $"C{_seed}-{number:D5}")), new PersonName(givenName, familyName), signedUpAt, Currency.TRY)
        {
            Email = Random.Bool(0.97f) ? EmailAddress.Parse(Email(givenName, familyName)) : null,
            Phone = Random.Bool(0.9f) ? PhoneNumber.Parse(abroad is null ? TurkishMobile() : ForeignMobile(abroad)) : null,
            City = abroad?.City ?? TurkishCity(),
            TimeZone = abroad is null ? TimeZones.Istanbul : TimeZones.Resolve(abroad.TimeZone),
            Locale = abroad is not null && Random.Bool(0.4f) ? Locale.Parse(abroad.Locale) : Locale.TurkishTurkey,
            Birthday = birthday,
            Gender = gender,
            AgeBand = AgeBandOf(birthday),
            Education = Weighted.Pick(Random, (Education.Unknown, 15), (Education.Primary, 8), (Education.Secondary, 25), (Education.Vocational, 12), (Education.Bachelor, 30), (Education.Master, 8), (Education.Doctorate, 2)),
            IncomeBand = Weighted.Pick(Random, (IncomeBand.Unknown, 20), (IncomeBand.Low, 12), (IncomeBand.LowerMiddle, 20), (IncomeBand.Middle, 25), (IncomeBand.UpperMiddle, 15), (IncomeBand.High, 8)),
            Tags = tags,
        };

        // Most shoppers tick the marketing box at sign-up; the simulator records it in the consent ledger, and the
        // birthday campaign only reaches those who did. (Drawn here, where the flag used to be, so seeds keep their shop.)
        var acceptsMarketing = Random.Bool(0.85f);
        if (acceptsMarketing)
        {
            // The platform sends what the customer ticked with the registration, as the snapshot of the ledger's state.
            profile = profile with { Consents = CustomerCare.Privacy.Consent.ConsentState.From(SignUpConsent.Grants(profile)) };
        }

        // Loyal buyers order every week or two, dormant ones hardly ever: the report's lifecycle buckets need both.
        var dailyOrderChance = tags.Contains("vip")
            ? 1.0 / 7
            : Weighted.Pick(Random, (1.0 / 10, 15), (1.0 / 30, 45), (1.0 / 80, 30), (1.0 / 500, 10));
        return new SimulatedCustomer(profile, registrationDay, deliverAt, dailyOrderChance) { AcceptsMarketing = acceptsMarketing };
    }

    /// <summary>The same customer after a move or a new phone, as the platform re-sends a changed profile.</summary>
    /// <param name="profile">The profile sent before.</param>
    /// <returns>The changed profile.</returns>
    public Customer Updated(Customer profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Random.Bool()
            ? profile with { Phone = PhoneNumber.Parse(TurkishMobile()) }
            : profile with { City = TurkishCity(), TimeZone = TimeZones.Istanbul };
    }

    private string TurkishCity()
    {
        var city = Places.Turkey[Weighted.Index(Random, Places.Turkey, c => c.Weight)].Name;

        // Some customers type with caps lock on or on a keyboard without Turkish letters.
        return Weighted.Pick(Random, (0, 94), (1, 2), (2, 2), (3, 2)) switch
        {
            1 => city.ToUpper(Turkish),
            2 => city.ToLower(Turkish),
            3 => city.Replace('İ', 'I'),
            _ => city,
        };
    }

    private Birthday? Birthday()
    {
        if (!Random.Bool(0.85f))
        {
            return null;
        }

        var withYear = Random.Bool(0.7f);
        if (Random.Bool(0.015f))
        {
            return Customers.Birthday.Create(2, 29, withYear ? Random.Int(1962, 2004) / 4 * 4 : null);
        }

        int? year = withYear ? Random.Int(1950, 2007) : null;
        var month = Random.Int(1, 12);
        var day = Random.Int(1, CalendarSystem.Iso.GetDaysInMonth(year ?? 2001, month));
        return Customers.Birthday.Create(month, day, year);
    }

    private AgeBand AgeBandOf(Birthday? birthday)
    {
        var age = birthday?.AgeOn(_start.InZone(TimeZones.Istanbul).Date);
        if (age is null)
        {
            return Random.Bool(0.5f)
                ? AgeBand.Unknown
                : Weighted.Pick(Random, (AgeBand.From18To24, 20), (AgeBand.From25To34, 30), (AgeBand.From35To44, 25), (AgeBand.From45To54, 15), (AgeBand.From55To64, 7), (AgeBand.From65, 3));
        }

        return age switch
        {
            < 18 => AgeBand.Under18,
            < 25 => AgeBand.From18To24,
            < 35 => AgeBand.From25To34,
            < 45 => AgeBand.From35To44,
            < 55 => AgeBand.From45To54,
            < 65 => AgeBand.From55To64,
            _ => AgeBand.From65,
        };
    }

    private ImmutableHashSet<string> Tags()
    {
        var tags = ImmutableHashSet.CreateBuilder<string>(Text.TurkishInvariantComparer.Instance);
        if (Random.Bool(0.04f))
        {
            tags.Add("vip");
        }

        if (Random.Bool(0.01f))
        {
            tags.Add("staff");
        }

        if (Random.Bool(0.02f))
        {
            tags.Add("kurumsal");
        }

        return tags.ToImmutable();
    }

    private string Email(string givenName, string familyName)
    {
        var given = Ascii(givenName);
        var family = Ascii(familyName);
        var local = Random.Int(0, 4) switch
        {
            0 => $"{given}.{family}",
            1 => $"{given}{family}",
            2 => $"{given}_{family}",
            3 => string.Create(CultureInfo.InvariantCulture, $"{given}.{family}{Random.Int(1, 99)}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{given}{Random.Int(70, 99)}"),
        };
        return local + "@" + Places.MailDomains[Random.Int(0, Places.MailDomains.Count - 1)];
    }

    private string TurkishMobile() => string.Create(
        CultureInfo.InvariantCulture,
        $"+90 {Places.MobilePrefixes[Random.Int(0, Places.MobilePrefixes.Count - 1)]} {Random.Int(100, 999)} {Random.Int(10, 99)} {Random.Int(10, 99)}");

    private string ForeignMobile(AbroadCity city) => string.Create(CultureInfo.InvariantCulture, $"{city.PhonePrefix} {Random.Int(100, 999)} {Random.Int(1000, 9999)}");

    /// <summary>Spells a Turkish name in the ASCII letters an e-mail address uses.</summary>
    private static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var folded = c switch
            {
                'ç' or 'Ç' => 'c',
                'ğ' or 'Ğ' => 'g',
                'ı' or 'I' or 'İ' or 'î' or 'Î' => 'i',
                'ö' or 'Ö' => 'o',
                'ş' or 'Ş' => 's',
                'ü' or 'Ü' or 'û' or 'Û' => 'u',
                'â' or 'Â' => 'a',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsAsciiLetterLower(folded) || char.IsAsciiDigit(folded))
            {
                builder.Append(folded);
            }
        }

        return builder.Length > 0 ? builder.ToString() : "musteri";
    }
}
