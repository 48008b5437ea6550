using CustomerCare.Customers;
using CustomerCare.Segments.Evaluation;
using NodaTime;

namespace CustomerCare.Segments.Rules;

public static partial class SegmentFields
{
    private static readonly string[] GenderNames = ["unspecified", "female", "male", "other"];
    private static readonly string[] AgeBandNames = ["unknown", "under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus"];
    private static readonly string[] EducationNames = ["unknown", "primary", "secondary", "vocational", "bachelor", "master", "doctorate"];
    private static readonly string[] IncomeBandNames = ["unknown", "low", "lower_middle", "middle", "upper_middle", "high"];
    private static readonly string[] LifecycleNames = ["prospect", "new", "active", "at_risk", "lapsed"];
    private static readonly string[] RfmSegmentNames = ["none", "champions", "loyal", "at_risk", "hibernating", "lost", "new"];

    private static readonly (string Alias, string Target)[] Aliases =
    [
        ("tags", "tag"), ("order_count", "orders"), ("spend", "total_spend"), ("aov", "average_order_value"),
        ("stage", "lifecycle"), ("categories", "category"), ("subscriptions", "subscription"), ("csat", "last_csat"),
    ];

    private static SegmentField[] Definitions() =>
    [
        Text("customer_id", "the platform's customer identifier", c => c.Id.Value),
        Text("given_name", "the given name", c => c.Name.GivenName),
        Text("family_name", "the family name", c => c.Name.FamilyName, nullable: true),
        Text("email", "the e-mail address", c => c.Email?.Value, nullable: true),
        Interned("email_domain", "the part of the e-mail address after '@'", c => c.Email?.Domain, nullable: true),
        Text("phone", "the phone number, E.164", c => c.Phone?.Value, nullable: true),
        Interned("locale", "the language tag, such as tr-TR", c => c.Locale.Name),
        Interned("time_zone", "the IANA time zone", c => c.TimeZone.Id),
        Interned("city", "the city", c => c.City, nullable: true),
        Choice("gender", "the stated gender", GenderNames, (t, i) => (int)t.Customers[i].Gender),
        Choice("age_band", "the stated age band", AgeBandNames, (t, i) => (int)t.Customers[i].AgeBand),
        Choice("education", "the stated education", EducationNames, (t, i) => (int)t.Customers[i].Education),
        Choice("income_band", "the stated income band", IncomeBandNames, (t, i) => (int)t.Customers[i].IncomeBand),
        Number("age", "age in whole years today, from the birthday's year", (t, i) => t.Customers[i].AgeOn(t.TodayOf(i)), nullable: true),
        Number("birth_year", "the birth year", (t, i) => t.Customers[i].Birthday?.Year, nullable: true),
        Number("birthday_month", "the month of the birthday, 1–12", (t, i) => t.Customers[i].Birthday?.Date.Month, nullable: true),
        Number("birthday_day", "the day of the birthday", (t, i) => t.Customers[i].Birthday?.Date.Day, nullable: true),
        Number("days_until_birthday", "days until the next birthday (0 on the day; Feb 29 falls on Feb 28 in common years)", DaysUntilBirthday, nullable: true),
        Boolean("birthday_this_month", "whether the birthday falls in the current month", (t, i) => t.Customers[i].Birthday?.Date.Month == t.TodayOf(i).Month),
        Set("tag", "tags set by staff or the platform", c => c.Tags),
        Set("subscription", "topics subscribed to", c => c.Engagement.Subscriptions),
        Set("category", "product categories bought", c => c.Engagement.CategoryPurchases.Keys),
        Interned("top_category", "the most bought category", c => c.Engagement.TopCategories(1) is [var top] ? top : null, nullable: true),
        Number("orders", "standing orders (placed, not cancelled)", (t, i) => t.Customers[i].Stats.OrderCount),
        Money("total_spend", "net spend in the store currency", c => c.Stats.TotalSpend.Amount),
        Money("average_order_value", "net spend divided by standing orders", c => c.Stats.AverageOrderValue.Amount),
        Money("refunded_total", "refunds for returned items", c => c.Stats.RefundedTotal.Amount),
        Number("returns", "return events", (t, i) => t.Customers[i].Stats.ReturnsCount),
        Number("cancellations", "cancelled orders", (t, i) => t.Customers[i].Stats.CancelledCount),
        Date("first_order", "the date of the first order", (t, i) => t.Customers[i].Stats.FirstOrderAt, nullable: true),
        Date("last_order", "the date of the latest order", (t, i) => t.Customers[i].Stats.LastOrderAt, nullable: true),
        Date("signed_up", "the sign-up date", (t, i) => t.Customers[i].SignedUpAt),
        Number("days_since_first_order", "days since the first order", (t, i) => t.DaysSince(i, t.Customers[i].Stats.FirstOrderAt), nullable: true),
        Number("days_since_last_order", "days since the latest order", (t, i) => t.DaysSince(i, t.Customers[i].Stats.LastOrderAt), nullable: true),
        Number("days_since_signup", "days since sign-up", (t, i) => t.DaysSince(i, t.Customers[i].SignedUpAt)),
        Number("email_opens", "e-mails opened", (t, i) => (int)Math.Min(int.MaxValue, t.Customers[i].Engagement.EmailOpens)),
        Number("email_clicks", "e-mail links clicked", (t, i) => (int)Math.Min(int.MaxValue, t.Customers[i].Engagement.EmailClicks)),
        Number("reviews", "reviews posted", (t, i) => t.Customers[i].Engagement.ReviewCount),
        Number("open_complaints", "complaints not yet closed", (t, i) => t.HistoryOf(i).OpenComplaints, population: true),
        Date("last_complaint", "the date of the latest complaint", (t, i) => t.HistoryOf(i).LastComplaintAt, nullable: true, population: true),
        Number("days_since_last_complaint", "days since the latest complaint", (t, i) => t.DaysSince(i, t.HistoryOf(i).LastComplaintAt), nullable: true, population: true),
        Number("last_csat", "the latest satisfaction score, 1–5", (t, i) => t.HistoryOf(i).LastCsat, nullable: true, population: true),
        Number("rfm_r", "recency score 1–5 by quintile over the population", (t, i) => NullIfZero(t.Rfm.Recency[i]), nullable: true, population: true),
        Number("rfm_f", "frequency score 1–5 by quintile over the population", (t, i) => NullIfZero(t.Rfm.Frequency[i]), nullable: true, population: true),
        Number("rfm_m", "monetary score 1–5 by quintile over the population", (t, i) => NullIfZero(t.Rfm.Monetary[i]), nullable: true, population: true),
        Choice("rfm_segment", "the RFM group: champions, loyal, at_risk, hibernating, lost, new (none without orders)", RfmSegmentNames, (t, i) => t.Rfm.Segment[i], population: true),
        Choice("lifecycle", "the lifecycle stage: prospect, new, active, at_risk, lapsed", LifecycleNames, (t, i) => (int)t.LifecycleOf(i)),
        .. ConsentFields(),
    ];

    /// <summary>One boolean per purpose × channel, <c>consent_marketing_email</c> … <c>consent_surveys_push</c>, from the customer's consent snapshot.</summary>
    private static IEnumerable<SegmentField> ConsentFields() =>
        from purpose in Enum.GetValues<Privacy.Consent.ConsentPurpose>()
        from channel in Enum.GetValues<Privacy.Consent.ConsentChannel>()
        select Boolean(
            ConsentFieldName(purpose, channel),
            $"whether the customer currently consents to {Lower(purpose)} on {Lower(channel)}",
            (t, i) => t.Customers[i].Consents.Allows(purpose, channel));

    /// <summary>The field name of a consent: <c>consent_{purpose}_{channel}</c>, lower-case.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The name, such as <c>consent_marketing_email</c>.</returns>
    internal static string ConsentFieldName(Privacy.Consent.ConsentPurpose purpose, Privacy.Consent.ConsentChannel channel) =>
        "consent_" + Lower(purpose) + "_" + Lower(channel);

    private static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static int? NullIfZero(byte score) => score == 0 ? null : score;

    private static int? DaysUntilBirthday(CustomerTable table, int index)
    {
        if (table.Customers[index].Birthday is not { } birthday)
        {
            return null;
        }

        var today = table.TodayOf(index);
        var next = birthday.InYear(today.Year);
        if (next < today)
        {
            next = birthday.InYear(today.Year + 1);
        }

        return Period.DaysBetween(today, next);
    }

    private static SegmentField Number(string name, string description, Func<CustomerTable, int, int?> read, bool nullable = false, bool population = false) =>
        new(name, SegmentValueType.Number, description, t => Ints(t, i => read(t, i)), nullable: nullable) { NeedsPopulation = population, ColumnType = typeof(IntColumn) };

    private static SegmentField Money(string name, string description, Func<Customer, decimal> read) =>
        new(name, SegmentValueType.Money, description, t => Decimals(t, read)) { ColumnType = typeof(DecimalColumn) };

    private static SegmentField Date(string name, string description, Func<CustomerTable, int, Instant?> read, bool nullable = false, bool population = false) =>
        new(name, SegmentValueType.Date, description, t => Dates(t, i => read(t, i)), nullable: nullable) { NeedsPopulation = population, ColumnType = typeof(DateColumn) };

    private static SegmentField Text(string name, string description, Func<Customer, string?> read, bool nullable = false) =>
        new(name, SegmentValueType.Text, description, t => Texts(t, read), nullable: nullable) { ColumnType = typeof(TextColumn) };

    private static SegmentField Interned(string name, string description, Func<Customer, string?> read, bool nullable = false) =>
        new(name, SegmentValueType.Text, description, t => InternedTextColumn.Build(t.Count, i => read(t.Customers[i])), nullable: nullable) { ColumnType = typeof(InternedTextColumn) };

    private static SegmentField Choice(string name, string description, string[] names, Func<CustomerTable, int, int> read, bool population = false) =>
        new(name, SegmentValueType.Choice, description, t => Choices(t, names, i => read(t, i)), names) { NeedsPopulation = population, ColumnType = typeof(ChoiceColumn) };

    private static SegmentField Set(string name, string description, Func<Customer, IEnumerable<string>> read) =>
        new(name, SegmentValueType.Set, description, t => SetColumn.Build(t.Count, i => read(t.Customers[i])), nullable: true) { ColumnType = typeof(SetColumn) };

    private static SegmentField Boolean(string name, string description, Func<CustomerTable, int, bool> read) =>
        new(name, SegmentValueType.Boolean, description, t => Bools(t, i => read(t, i))) { ColumnType = typeof(BoolColumn) };
}
