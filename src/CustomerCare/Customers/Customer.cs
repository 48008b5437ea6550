using System.Collections.Immutable;
using CustomerCare.Text;
using NodaTime;

namespace CustomerCare.Customers;

/// <summary>
/// A customer: who they are (profile), what they bought (<see cref="Stats"/>) and how they engage
/// (<see cref="Engagement"/>).
/// </summary>
/// <remarks>
/// <para>
/// Immutable: every change returns a new instance, so a store can hand the same instance to many readers. Each field
/// is a validated value type, so an instance is always valid. <see cref="Version"/> is assigned by the store and
/// used for optimistic concurrency.
/// </para>
/// <para>"Today" for a customer is <c>clock.InZone(customer.TimeZone).GetCurrentDate()</c>, never the server's date.</para>
/// </remarks>
public sealed record Customer
{
    /// <summary>The longest city name or tag accepted.</summary>
    public const int MaxTextLength = 100;

    private readonly string? _city;
    private readonly ImmutableHashSet<string> _tags = ImmutableHashSet.Create<string>(TurkishInvariantComparer.Instance);

    /// <summary>Creates a customer with the required fields; set the rest with an object initializer.</summary>
    /// <param name="id">The platform's customer identifier.</param>
    /// <param name="name">The customer's name.</param>
    /// <param name="signedUpAt">When the customer signed up.</param>
    /// <param name="currency">The store currency their statistics are kept in.</param>
    public Customer(CustomerId id, PersonName name, Instant signedUpAt, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (id == default)
        {
            throw new ArgumentException("A customer needs an identifier.", nameof(id));
        }

        Id = id;
        Name = name;
        SignedUpAt = signedUpAt;
        Stats = new PurchaseStats(currency);
    }

    /// <summary>The platform's identifier.</summary>
    public CustomerId Id { get; }

    /// <summary>The customer's name.</summary>
    public PersonName Name { get; init; }

    /// <summary>The e-mail address, when known.</summary>
    public EmailAddress? Email { get; init; }

    /// <summary>The phone number, when known.</summary>
    public PhoneNumber? Phone { get; init; }

    /// <summary>The language and region messages are written in.</summary>
    public Locale Locale { get; init; } = Locale.TurkishTurkey;

    /// <summary>The customer's own IANA time zone; birthdays, quiet hours and "today" follow it.</summary>
    public DateTimeZone TimeZone { get; init; } = TimeZones.Istanbul;

    /// <summary>The birthday, when given.</summary>
    public Birthday? Birthday { get; init; }

    /// <summary>When the birthday was last set or changed, if known; campaigns ignore a birthday set in the last 30 days (anti-gaming).</summary>
    public Instant? BirthdaySetAt { get; init; }

    /// <summary>
    /// The customer's consents (purpose × channel) as of the last commit: a snapshot of the state derived from the
    /// consent ledger, kept here so that segment rules, campaigns and SQL stores can filter without reading the ledger.
    /// </summary>
    /// <remarks>
    /// Written by <see cref="Privacy.Consent.ConsentService"/>. The ledger stays the source of truth: the send path
    /// checks it again before a commercial message leaves.
    /// </remarks>
    public Privacy.Consent.ConsentState Consents { get; init; }

    /// <summary>The stated gender.</summary>
    public Gender Gender { get; init; }

    /// <summary>The stated age band.</summary>
    public AgeBand AgeBand { get; init; }

    /// <summary>The stated education level.</summary>
    public Education Education { get; init; }

    /// <summary>The stated income band.</summary>
    public IncomeBand IncomeBand { get; init; }

    /// <summary>The city, as written by the customer.</summary>
    /// <exception cref="FieldValidationException">The value is too long or has control characters.</exception>
    public string? City
    {
        get => _city;
        init => _city = CheckText("city", value);
    }

    /// <summary>Free tags set by staff or the platform (<c>vip</c>, <c>staff</c>); compared with <see cref="TurkishInvariantComparer"/>.</summary>
    /// <exception cref="FieldValidationException">A tag is blank, too long or has control characters.</exception>
    public ImmutableHashSet<string> Tags
    {
        get => _tags;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _tags = value.Select(t => CheckText("tags", t) ?? throw FieldValidationException.For("tags", t, FieldErrorCodes.Required, "is blank"))
                .ToImmutableHashSet(TurkishInvariantComparer.Instance);
        }
    }

    /// <summary>When the customer signed up.</summary>
    public Instant SignedUpAt { get; init; }

    /// <summary>Purchase statistics, kept up to date from order events.</summary>
    public PurchaseStats Stats { get; init; }

    /// <summary>Engagement counters.</summary>
    public EngagementCounters Engagement { get; init; } = EngagementCounters.None;

    /// <summary>The version the store last saved; 0 for a customer never saved.</summary>
    public long Version { get; init; }

    /// <summary>The customer's age on a date, from the birthday when its year is known.</summary>
    /// <param name="today">The date, in the customer's zone.</param>
    /// <returns>The age, or <see langword="null"/>.</returns>
    public int? AgeOn(LocalDate today) => Birthday?.AgeOn(today);

    private static string? CheckText(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > MaxTextLength)
        {
            throw FieldValidationException.For(field, value, FieldErrorCodes.TooLong, $"is longer than {MaxTextLength} characters");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw FieldValidationException.For(field, value, FieldErrorCodes.Malformed, "contains a control character");
        }

        return trimmed;
    }
}
