using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;
using CustomerCare.Text;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>The query columns of the customers table: what a specification may be translated to.</summary>
internal static class CustomerColumns
{
    public static IReadOnlyList<CustomerColumn> All { get; } =
    [
        new("birth_month", SqliteType.Integer, c => c.Birthday?.Date.Month),
        new("birth_day", SqliteType.Integer, c => c.Birthday?.Date.Day),
        new("birth_year", SqliteType.Integer, c => c.Birthday?.Year),
        new("order_count", SqliteType.Integer, c => c.Stats.OrderCount),
        new("returns_count", SqliteType.Integer, c => c.Stats.ReturnsCount),
        new("cancelled_count", SqliteType.Integer, c => c.Stats.CancelledCount),
        new("review_count", SqliteType.Integer, c => c.Engagement.ReviewCount),
        new("city_key", SqliteType.Text, c => c.City is { } city ? TurkishInvariantComparer.Fold(city) : null),
        new("email_key", SqliteType.Text, c => c.Email is { } email ? CustomerByEmailSpecification.Key(email) : null),
        new("phone_key", SqliteType.Text, c => c.Phone?.Value),
        // Clamped rather than refused: the columns only narrow a query, and the document is checked after them.
        new("signed_up_at", SqliteType.Integer, c => SqliteValues.Bound(c.SignedUpAt)),
        new("last_order_at", SqliteType.Integer, c => c.Stats.LastOrderAt is { } last ? SqliteValues.Bound(last) : null),
        new("consent_mask", SqliteType.Integer, c => c.Consents.Mask),
    ];

    /// <summary>
    /// The version of <see cref="All"/>: a row whose <c>columns_version</c> is older is brought up to date from its
    /// document when the database is opened (see <see cref="CustomerColumnsRefresh"/>), so a new column needs no
    /// hand-written back-fill.
    /// </summary>
    public const int Version = 3;

    /// <summary>The segment rule fields stored as integer columns, by field name, with whether the column may be NULL.</summary>
    public static IReadOnlyDictionary<string, (string Column, bool Nullable)> IntegerFields { get; } = new Dictionary<string, (string, bool)>(StringComparer.Ordinal)
    {
        ["birthday_month"] = ("birth_month", true),
        ["birthday_day"] = ("birth_day", true),
        ["birth_year"] = ("birth_year", true),
        ["orders"] = ("order_count", false),
        ["returns"] = ("returns_count", false),
        ["cancellations"] = ("cancelled_count", false),
        ["reviews"] = ("review_count", false),
    };

    /// <summary>The segment rule consent fields (<c>consent_marketing_email</c> …), by field name, with their bit mask in <c>consent_mask</c>.</summary>
    public static IReadOnlyDictionary<string, long> ConsentFields { get; } = (
        from purpose in Enum.GetValues<ConsentPurpose>()
        from channel in Enum.GetValues<ConsentChannel>()
        select (Name: "consent_" + purpose.ToString().ToLowerInvariant() + "_" + channel.ToString().ToLowerInvariant(), Mask: 1L << ConsentState.BitOf(purpose, channel)))
        .ToDictionary(f => f.Name, f => f.Mask, StringComparer.Ordinal);

    /// <summary>The segment rule text fields stored folded, by field name.</summary>
    public static IReadOnlyDictionary<string, string> FoldedTextFields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["city"] = "city_key",
    };
}
