using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;
using NodaTime;

namespace CustomerCare.Testing;

/// <summary>
/// Builds <see cref="Customer"/> test data fluently:
/// <c>new CustomerBuilder().Named("Ayşe", "Yılmaz").BornOn(1992, 2, 29).InZone("Europe/Istanbul").Build()</c>.
/// </summary>
/// <remarks>
/// <para>
/// Defaults: the name "Test Customer", sign-up at 2026-01-01T09:00:00Z, the store currency TRY, and the
/// <see cref="Customer"/> defaults for everything else (zone Europe/Istanbul, locale tr-TR). Without
/// <see cref="WithId"/>, each <see cref="Build"/> takes the next identifier of this builder: <c>customer-1</c>,
/// <c>customer-2</c>, … (the prefix is a constructor argument), so two builders give the same identifiers.
/// </para>
/// <para>
/// Every method validates at once with the library's own value types and throws their
/// <see cref="FieldValidationException"/>, so a bad test value fails where it is written. A builder is mutable and
/// not thread-safe; later calls replace earlier ones.
/// </para>
/// </remarks>
/// <param name="idPrefix">The prefix of generated identifiers.</param>
public sealed class CustomerBuilder(string idPrefix = "customer")
{
    private readonly string _idPrefix = string.IsNullOrWhiteSpace(idPrefix) ? throw new ArgumentException("An identifier prefix cannot be blank.", nameof(idPrefix)) : idPrefix;
    private readonly List<Func<Customer, Customer>> _changes = [];
    private int _built;
    private CustomerId? _id;
    private PersonName _name = new("Test", "Customer");
    private Instant _signedUpAt = Instant.FromUtc(2026, 1, 1, 9, 0);
    private Currency _currency = Currency.TRY;
    private Birthday? _birthday;
    private DateTimeZone? _zone;
    private string? _city;
    private string[]? _tags;
    private EmailAddress? _email;
    private PhoneNumber? _phone;
    private Locale? _locale;
    private PurchaseStats? _stats;
    private EngagementCounters? _engagement;
    private ConsentState _consents;

    /// <summary>Sets the identifier of every customer built from now on.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The identifier is blank, padded, too long or has control characters.</exception>
    public CustomerBuilder WithId(string id)
    {
        _id = CustomerId.From(id);
        return this;
    }

    /// <summary>Sets the name.</summary>
    /// <param name="givenName">The given name.</param>
    /// <param name="familyName">The family name, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">A part is blank, too long or has control characters.</exception>
    public CustomerBuilder Named(string givenName, string? familyName = null)
    {
        _name = new PersonName(givenName, familyName);
        return this;
    }

    /// <summary>Sets a birthday without a birth year.</summary>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day; 29 February is allowed.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The day does not exist in any year.</exception>
    public CustomerBuilder BornOn(int month, int day)
    {
        _birthday = Birthday.Create(month, day);
        return this;
    }

    /// <summary>Sets a birthday with its year.</summary>
    /// <param name="year">The birth year.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The date does not exist, such as 29 February in a common year.</exception>
    public CustomerBuilder BornOn(int year, int month, int day)
    {
        _birthday = Birthday.Create(month, day, year);
        return this;
    }

    /// <summary>Sets the customer's time zone.</summary>
    /// <param name="zoneId">An IANA identifier such as <c>Europe/Istanbul</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The zone is unknown.</exception>
    public CustomerBuilder InZone(string zoneId)
    {
        _zone = TimeZones.Resolve(zoneId);
        return this;
    }

    /// <summary>Sets the city, as the customer wrote it.</summary>
    /// <param name="city">The city, or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <remarks><see cref="Build"/> checks it and throws <see cref="FieldValidationException"/> when it is too long or has control characters.</remarks>
    public CustomerBuilder InCity(string? city)
    {
        _city = city;
        return this;
    }

    /// <summary>Sets the tags, replacing earlier ones.</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>This builder.</returns>
    /// <remarks><see cref="Build"/> checks them and throws <see cref="FieldValidationException"/> for a blank, long or malformed tag.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="tags"/> is <see langword="null"/>.</exception>
    public CustomerBuilder WithTags(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _tags = [.. tags];
        return this;
    }

    /// <summary>Sets when the customer signed up.</summary>
    /// <param name="instant">The sign-up instant.</param>
    /// <returns>This builder.</returns>
    public CustomerBuilder SignedUpAt(Instant instant)
    {
        _signedUpAt = instant;
        return this;
    }

    /// <summary>Sets the e-mail address.</summary>
    /// <param name="email">The address.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The address is malformed.</exception>
    public CustomerBuilder WithEmail(string email)
    {
        _email = EmailAddress.Parse(email);
        return this;
    }

    /// <summary>Sets the phone number.</summary>
    /// <param name="phone">The number in international form, such as <c>+90 532 123 45 67</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The number is not in international form.</exception>
    public CustomerBuilder WithPhone(string phone)
    {
        _phone = PhoneNumber.Parse(phone);
        return this;
    }

    /// <summary>Sets the locale messages are written in.</summary>
    /// <param name="locale">A tag such as <c>en-GB</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The tag is not a culture .NET knows.</exception>
    public CustomerBuilder WithLocale(string locale)
    {
        _locale = Locale.Parse(locale);
        return this;
    }

    /// <summary>Sets the store currency of the customer's statistics; ignored when <see cref="WithStats"/> is used.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>This builder.</returns>
    public CustomerBuilder PayingIn(Currency currency)
    {
        _currency = currency;
        return this;
    }

    /// <summary>Sets the purchase statistics.</summary>
    /// <param name="stats">The statistics.</param>
    /// <returns>This builder.</returns>
    public CustomerBuilder WithStats(PurchaseStats stats)
    {
        _stats = stats;
        return this;
    }

    /// <summary>Sets the engagement counters.</summary>
    /// <param name="engagement">The counters.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engagement"/> is <see langword="null"/>.</exception>
    public CustomerBuilder WithEngagement(EngagementCounters engagement)
    {
        _engagement = engagement ?? throw new ArgumentNullException(nameof(engagement));
        return this;
    }

    /// <summary>Sets the consent snapshot (<see cref="Customer.Consents"/>) to hold one more consent.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>This builder.</returns>
    /// <remarks>Only the snapshot: the send path reads the consent ledger, so a test of sending records the consent there too.</remarks>
    public CustomerBuilder ConsentingTo(ConsentPurpose purpose, ConsentChannel channel)
    {
        _consents = _consents.With(purpose, channel, granted: true);
        return this;
    }

    /// <summary>Adds a change applied at the end of <see cref="Build"/>, for fields without a method of their own.</summary>
    /// <param name="change">For example <c>c =&gt; c with { Gender = Gender.Female }</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    public CustomerBuilder With(Func<Customer, Customer> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _changes.Add(change);
        return this;
    }

    /// <summary>Builds a customer with version 0, as one not yet saved.</summary>
    /// <returns>The customer.</returns>
    /// <exception cref="FieldValidationException">The city or a tag is refused by <see cref="Customer"/>.</exception>
    public Customer Build()
    {
        _built++;
        var id = _id ?? CustomerId.From(string.Create(CultureInfo.InvariantCulture, $"{_idPrefix}-{_built}"));
        var customer = new Customer(id, _name, _signedUpAt, _currency)
        {
            Email = _email,
            Phone = _phone,
            Birthday = _birthday,
            City = _city,
            Tags = _tags is null ? [] : [.. _tags],
        };
        customer = customer with
        {
            TimeZone = _zone ?? customer.TimeZone,
            Locale = _locale ?? customer.Locale,
            Stats = _stats ?? customer.Stats,
            Engagement = _engagement ?? customer.Engagement,
            Consents = _consents,
        };
        return _changes.Aggregate(customer, (current, change) => change(current));
    }
}
