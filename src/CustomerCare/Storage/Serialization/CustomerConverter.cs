using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Storage.Serialization;

/// <summary>
/// A customer through a plain document, because its constructor takes the currency that the record keeps inside its
/// purchase statistics.
/// </summary>
internal sealed class CustomerConverter : JsonConverter<Customer>
{
    public override Customer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var document = JsonSerializer.Deserialize<CustomerDocument>(ref reader, options) ?? throw new JsonException("A customer document is null.");
        try
        {
            return new Customer(document.Id, document.Name, document.SignedUpAt, document.Stats.TotalSpend.Currency)
            {
                Email = document.Email,
                Phone = document.Phone,
                Locale = document.Locale,
                TimeZone = document.TimeZone,
                Birthday = document.Birthday,
                BirthdaySetAt = document.BirthdaySetAt,
                Consents = Privacy.Consent.ConsentState.FromMask(document.ConsentMask),
                Gender = document.Gender,
                AgeBand = document.AgeBand,
                Education = document.Education,
                IncomeBand = document.IncomeBand,
                City = document.City,
                Tags = document.Tags,
                Stats = document.Stats,
                Engagement = document.Engagement,
                Version = document.Version,
            };
        }
        catch (ArgumentException e)
        {
            // FieldValidationException (a bad field) and ArgumentOutOfRangeException (a bad consent mask) alike.
            throw new JsonException($"Customer '{document.Id}': {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Customer value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new CustomerDocument
        {
            Id = value.Id,
            Name = value.Name,
            Email = value.Email,
            Phone = value.Phone,
            Locale = value.Locale,
            TimeZone = value.TimeZone,
            Birthday = value.Birthday,
            BirthdaySetAt = value.BirthdaySetAt,
            ConsentMask = value.Consents.Mask,
            Gender = value.Gender,
            AgeBand = value.AgeBand,
            Education = value.Education,
            IncomeBand = value.IncomeBand,
            City = value.City,
            Tags = value.Tags,
            SignedUpAt = value.SignedUpAt,
            Stats = value.Stats,
            Engagement = value.Engagement,
            Version = value.Version,
        }, options);

    private sealed class CustomerDocument
    {
        public required CustomerId Id { get; init; }

        public required PersonName Name { get; init; }

        public EmailAddress? Email { get; init; }

        public PhoneNumber? Phone { get; init; }

        public Locale Locale { get; init; } = Locale.TurkishTurkey;

        public DateTimeZone TimeZone { get; init; } = TimeZones.Istanbul;

        public Birthday? Birthday { get; init; }

        public Instant? BirthdaySetAt { get; init; }

        public int ConsentMask { get; init; }

        public Gender Gender { get; init; }

        public AgeBand AgeBand { get; init; }

        public Education Education { get; init; }

        public IncomeBand IncomeBand { get; init; }

        public string? City { get; init; }

        public ImmutableHashSet<string> Tags { get; init; } = [];

        public required Instant SignedUpAt { get; init; }

        public required PurchaseStats Stats { get; init; }

        public EngagementCounters Engagement { get; init; } = EngagementCounters.None;

        public long Version { get; init; }
    }
}
