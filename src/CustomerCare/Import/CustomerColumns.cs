namespace CustomerCare.Import;

/// <summary>The columns of <c>customers.csv</c>; see <c>docs/csv-format.md</c>.</summary>
internal static class CustomerColumns
{
    public const string CustomerId = "customer_id";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Locale = "locale";
    public const string TimeZone = "time_zone";
    public const string Birthday = "birthday";
    public const string Gender = "gender";
    public const string AgeBand = "age_band";
    public const string Education = "education";
    public const string IncomeBand = "income_band";
    public const string City = "city";
    public const string Tags = "tags";
    public const string SignedUpAt = "signed_up_at";
    public const string EmailOpens = "email_opens";
    public const string EmailClicks = "email_clicks";
    public const string Subscriptions = "subscriptions";
    public const string AcceptsMarketing = "accepts_marketing";
    public const string BirthdaySetAt = "birthday_set_at";

    public static IReadOnlyList<CsvColumn> All { get; } =
    [
        new(CustomerId, true), new(GivenName, true), new(FamilyName, false), new(Email, false), new(Phone, false),
        new(Locale, false), new(TimeZone, false), new(Birthday, false), new(Gender, false), new(AgeBand, false),
        new(Education, false), new(IncomeBand, false), new(City, false), new(Tags, false), new(SignedUpAt, true),
        new(EmailOpens, false), new(EmailClicks, false), new(Subscriptions, false), new(AcceptsMarketing, false),
        new(BirthdaySetAt, false),
    ];
}
