using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>Field-by-field comparison of what a store returns with what was written, listing every difference.</summary>
/// <remarks>Record equality is not enough: tags, subscriptions and order lines are collections compared by reference.</remarks>
internal static class StoreAssert
{
    public static void SameComplaint(Complaints.Complaint expected, Complaints.Complaint actual)
    {
        // The arrays compare by reference inside the record, so they are compared as sequences beside it.
        Assert.Equal(expected with { Flags = [], Sla = [], History = [] }, actual with { Flags = [], Sla = [], History = [] });
        Assert.Equal(expected.Flags.AsEnumerable(), actual.Flags.AsEnumerable());
        Assert.Equal(expected.Sla.AsEnumerable(), actual.Sla.AsEnumerable());
        Assert.Equal(expected.History.AsEnumerable(), actual.History.AsEnumerable());
    }

    public static void SameCustomer(Customer expected, Customer? actual, long expectedVersion, string readBy)
    {
        Assert.True(actual is not null, $"{readBy} returned no customer '{expected.Id}'.");
        var d = new Differences($"customer '{expected.Id}' read by {readBy}");
        d.Check("Id", expected.Id.Value, actual.Id.Value);
        d.Check("Name.GivenName", expected.Name.GivenName, actual.Name.GivenName);
        d.Check("Name.FamilyName", expected.Name.FamilyName, actual.Name.FamilyName);
        d.Check("Email", expected.Email?.Value, actual.Email?.Value);
        d.Check("Phone", expected.Phone?.Value, actual.Phone?.Value);
        d.Check("Locale", expected.Locale.Name, actual.Locale.Name);
        d.Check("TimeZone", expected.TimeZone.Id, actual.TimeZone.Id);
        d.Check("Birthday", expected.Birthday?.ToString(), actual.Birthday?.ToString());
        d.Check("Gender", expected.Gender, actual.Gender);
        d.Check("AgeBand", expected.AgeBand, actual.AgeBand);
        d.Check("Education", expected.Education, actual.Education);
        d.Check("IncomeBand", expected.IncomeBand, actual.IncomeBand);
        d.Check("City", expected.City, actual.City);
        d.Check("Tags", Sorted(expected.Tags), Sorted(actual.Tags));
        d.Check("SignedUpAt", expected.SignedUpAt, actual.SignedUpAt);
        d.Check("Stats.OrderCount", expected.Stats.OrderCount, actual.Stats.OrderCount);
        d.Check("Stats.TotalSpend", expected.Stats.TotalSpend, actual.Stats.TotalSpend);
        d.Check("Stats.RefundedTotal", expected.Stats.RefundedTotal, actual.Stats.RefundedTotal);
        d.Check("Stats.ReturnsCount", expected.Stats.ReturnsCount, actual.Stats.ReturnsCount);
        d.Check("Stats.CancelledCount", expected.Stats.CancelledCount, actual.Stats.CancelledCount);
        d.Check("Stats.FirstOrderAt", expected.Stats.FirstOrderAt, actual.Stats.FirstOrderAt);
        d.Check("Stats.LastOrderAt", expected.Stats.LastOrderAt, actual.Stats.LastOrderAt);
        d.Check("Engagement.EmailOpens", expected.Engagement.EmailOpens, actual.Engagement.EmailOpens);
        d.Check("Engagement.EmailClicks", expected.Engagement.EmailClicks, actual.Engagement.EmailClicks);
        d.Check("Engagement.ReviewCount", expected.Engagement.ReviewCount, actual.Engagement.ReviewCount);
        d.Check("Engagement.Subscriptions", Sorted(expected.Engagement.Subscriptions), Sorted(actual.Engagement.Subscriptions));
        d.Check(
            "Engagement.CategoryPurchases",
            Sorted(expected.Engagement.CategoryPurchases.Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture))),
            Sorted(actual.Engagement.CategoryPurchases.Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture))));
        d.Check("Version", expectedVersion, actual.Version);
        d.ThrowIfAny();
    }

    public static void SameOrder(Order expected, Order? actual, long expectedVersion, string readBy)
    {
        Assert.True(actual is not null, $"{readBy} returned no order '{expected.Id}'.");
        var d = new Differences($"order '{expected.Id}' read by {readBy}");
        d.Check("Id", expected.Id.Value, actual.Id.Value);
        d.Check("CustomerId", expected.CustomerId.Value, actual.CustomerId.Value);
        d.Check("PlacedAt", expected.PlacedAt, actual.PlacedAt);
        d.Check("Total", expected.Total, actual.Total);
        d.Check("Lines", Lines(expected), Lines(actual));
        d.Check("PromisedDeliveryDate", expected.PromisedDeliveryDate, actual.PromisedDeliveryDate);
        d.Check("Status", expected.Status, actual.Status);
        d.Check("ShippedAt", expected.ShippedAt, actual.ShippedAt);
        d.Check("DeliveredAt", expected.DeliveredAt, actual.DeliveredAt);
        d.Check("CancelledAt", expected.CancelledAt, actual.CancelledAt);
        d.Check("LastReturnAt", expected.LastReturnAt, actual.LastReturnAt);
        d.Check("RefundedTotal", expected.RefundedTotal, actual.RefundedTotal);
        d.Check("Version", expectedVersion, actual.Version);
        d.ThrowIfAny();
    }

    private static string Lines(Order order) => order.Lines.IsDefaultOrEmpty
        ? "(none)"
        : string.Join(" | ", order.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.ProductId} x{l.Quantity} @ {l.UnitPrice.Amount} {l.UnitPrice.Currency.Code} [{l.Category ?? "(no category)"}]")));

    private static string Sorted(IEnumerable<string> values) =>
        "[" + string.Join(", ", values.Order(StringComparer.Ordinal)) + "]";

    private sealed class Differences(string subject)
    {
        private readonly List<string> _found = [];

        public void Check<T>(string field, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                _found.Add(string.Create(CultureInfo.InvariantCulture, $"  {field}: wrote {Show(expected)}, read {Show(actual)}"));
            }
        }

        public void ThrowIfAny()
        {
            if (_found.Count > 0)
            {
                Assert.Fail($"The store did not return {subject} as written:{Environment.NewLine}{string.Join(Environment.NewLine, _found)}");
            }
        }

        private static string Show<T>(T value) => value switch
        {
            null => "(null)",
            string s => "'" + s + "'",
            Money m => "'" + m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code + "'",
            Instant i => "'" + InstantPattern.ExtendedIso.Format(i) + "'",
            IFormattable f => "'" + f.ToString(null, CultureInfo.InvariantCulture) + "'",
            _ => "'" + value + "'",
        };
    }
}
