using CustomerCare.Customers;
using CustomerCare.Segments.Evaluation;
using CustomerCare.Segments.Rules;
using NodaTime;

namespace CustomerCare.Tests.Segments;

/// <summary>
/// A deliberately plain interpreter of segment rules over <see cref="Customer"/> objects: the oracle the compiled
/// column scans are compared with. It shares no code with the compiler, only the documented semantics.
/// </summary>
internal static class ReferenceInterpreter
{
    public static bool Evaluate(RuleNode node, CustomerTable table, int index) => node switch
    {
        AndRule and => and.Operands.All(o => Evaluate(o, table, index)),
        OrRule or => or.Operands.Any(o => Evaluate(o, table, index)),
        NotRule not => !Evaluate(not.Operand, table, index),
        RuleCondition c => Condition(c, table, index),
        _ => throw new ArgumentException("unknown node"),
    };

    private static bool Condition(RuleCondition c, CustomerTable table, int index)
    {
        var customer = table.Customers[index];
        var today = table.AsOf.InZone(customer.TimeZone).Date;
        SegmentFields.TryFind(c.Attribute, out var field);
        var value = Value(field!.Name, customer, today, table, index);
        if (value is null)
        {
            return c.Operator is RuleOperator.NotEqual or RuleOperator.NotIn or RuleOperator.IsNull;
        }

        return value switch
        {
            int number => Compare(number, c),
            decimal amount => Compare(amount, c),
            LocalDate date when c.Operator == RuleOperator.WithinDays => date <= today && date >= today.PlusDays(-(int)c.Operands[0].Number),
            LocalDate date => Compare(date.ToDateOnly().DayNumber, c with { Operands = new RuleList<RuleLiteral>(c.Operands.Select(o => RuleLiteral.OfNumber(o.Date.ToDateOnly().DayNumber))) }),
            bool flag => c.Operator == RuleOperator.Equal ? flag == c.Operands[0].Boolean : flag != c.Operands[0].Boolean,
            Choice choice => ChoiceMatch(choice.Name, c),
            IReadOnlyCollection<string> set => SetMatch(set, c),
            string text => TextMatch(text, c),
            _ => throw new InvalidOperationException(value.GetType().Name),
        };
    }

    private sealed record Choice(string Name);

    private static object? Value(string name, Customer c, LocalDate today, CustomerTable table, int index)
    {
        var stats = c.Stats;
        var history = ServiceHistoryOf(table, index);
        int? DaysSince(Instant? instant) => instant is { } v ? Period.DaysBetween(v.InZone(c.TimeZone).Date, today) : null;
        LocalDate? LocalDateOf(Instant? instant) => instant?.InZone(c.TimeZone).Date;
        var rfm = table.RfmOf(index);
        return name switch
        {
            "customer_id" => c.Id.Value,
            "given_name" => c.Name.GivenName,
            "family_name" => c.Name.FamilyName,
            "email" => c.Email?.Value,
            "email_domain" => c.Email?.Domain,
            "phone" => c.Phone?.Value,
            "locale" => c.Locale.Name,
            "time_zone" => c.TimeZone.Id,
            "city" => c.City,
            "gender" => new Choice(c.Gender.ToString()),
            "age_band" => new Choice(c.AgeBand switch
            {
                AgeBand.Under18 => "under_18",
                AgeBand.From18To24 => "18_24",
                AgeBand.From25To34 => "25_34",
                AgeBand.From35To44 => "35_44",
                AgeBand.From45To54 => "45_54",
                AgeBand.From55To64 => "55_64",
                AgeBand.From65 => "65_plus",
                _ => "unknown",
            }),
            "education" => new Choice(c.Education.ToString()),
            "income_band" => new Choice(c.IncomeBand.ToString()),
            "age" => c.Birthday?.Year is { } year ? AgeOn(year, c.Birthday.Value.Date, today) : null,
            "birth_year" => c.Birthday?.Year,
            "birthday_month" => c.Birthday?.Date.Month,
            "birthday_day" => c.Birthday?.Date.Day,
            "days_until_birthday" => c.Birthday is { } b ? DaysUntil(b.Date, today) : null,
            "birthday_this_month" => c.Birthday?.Date.Month == today.Month,
            "tag" => c.Tags,
            "subscription" => c.Engagement.Subscriptions,
            "category" => c.Engagement.CategoryPurchases.Keys.ToArray(),
            "top_category" => c.Engagement.CategoryPurchases.Count == 0 ? null
                : c.Engagement.CategoryPurchases.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key,
            "orders" => stats.OrderCount,
            "total_spend" => stats.TotalSpend.Amount,
            "average_order_value" => stats.OrderCount == 0 ? 0m : stats.TotalSpend.Amount / stats.OrderCount,
            "refunded_total" => stats.RefundedTotal.Amount,
            "returns" => stats.ReturnsCount,
            "cancellations" => stats.CancelledCount,
            "first_order" => LocalDateOf(stats.FirstOrderAt),
            "last_order" => LocalDateOf(stats.LastOrderAt),
            "signed_up" => LocalDateOf(c.SignedUpAt),
            "days_since_first_order" => DaysSince(stats.FirstOrderAt),
            "days_since_last_order" => DaysSince(stats.LastOrderAt),
            "days_since_signup" => DaysSince(c.SignedUpAt),
            "email_opens" => (int)c.Engagement.EmailOpens,
            "email_clicks" => (int)c.Engagement.EmailClicks,
            "reviews" => c.Engagement.ReviewCount,
            "open_complaints" => history.OpenComplaints,
            "last_complaint" => LocalDateOf(history.LastComplaintAt),
            "days_since_last_complaint" => DaysSince(history.LastComplaintAt),
            "last_csat" => history.LastCsat,
            "rfm_r" => rfm.Recency == 0 ? null : rfm.Recency,
            "rfm_f" => rfm.Frequency == 0 ? null : rfm.Frequency,
            "rfm_m" => rfm.Monetary == 0 ? null : rfm.Monetary,
            "rfm_segment" => new Choice(rfm.Segment.ToString()),
            "lifecycle" => new Choice(Lifecycle(stats.OrderCount, DaysSince(stats.FirstOrderAt), DaysSince(stats.LastOrderAt), DaysSince(c.SignedUpAt)!.Value, table.Options)),
            _ when name.StartsWith("consent_", StringComparison.Ordinal) => ConsentOf(c, name),
            _ => throw new ArgumentException(name),
        };
    }

    /// <summary>A consent field, by brute force over every purpose × channel name.</summary>
    private static object ConsentOf(Customer c, string name) =>
        (from purpose in Enum.GetValues<CustomerCare.Privacy.Consent.ConsentPurpose>()
         from channel in Enum.GetValues<CustomerCare.Privacy.Consent.ConsentChannel>()
         where name == $"consent_{purpose.ToString().ToLowerInvariant()}_{channel.ToString().ToLowerInvariant()}"
         select (object)c.Consents.Allows(purpose, channel)).Single();

    private static ServiceHistoryView ServiceHistoryOf(CustomerTable table, int index) =>
        ServiceHistories.TryGetValue(table, out var map) && map.TryGetValue(table.Customers[index].Id, out var h)
            ? new ServiceHistoryView(h.OpenComplaints, h.LastComplaintAt, h.LastCsat)
            : new ServiceHistoryView(0, null, null);

    /// <summary>The service history each test table was built with, so the oracle reads it independently of the table.</summary>
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CustomerTable, IReadOnlyDictionary<CustomerId, CustomerCare.Segments.ServiceHistory>> ServiceHistories = [];

    private sealed record ServiceHistoryView(int OpenComplaints, Instant? LastComplaintAt, int? LastCsat);

    private static string Lifecycle(int orders, int? sinceFirst, int? sinceLast, int sinceSignUp, CustomerCare.Segments.SegmentOptions o)
    {
        if (orders <= 0 || sinceLast is null)
        {
            return sinceSignUp <= o.NewCustomerDays ? "new" : "prospect";
        }

        if (sinceFirst <= o.NewCustomerDays)
        {
            return "new";
        }

        return sinceLast <= o.ActiveDays ? "active" : sinceLast <= o.AtRiskDays ? "at_risk" : "lapsed";
    }

    private static int AgeOn(int year, AnnualDate birthday, LocalDate today)
    {
        // Count whole years lived: the birthday in a year without Feb 29 is reached on Mar 1.
        var age = today.Year - year;
        var reached = birthday.IsValidYear(today.Year) ? today >= birthday.InYear(today.Year) : today >= new LocalDate(today.Year, 3, 1);
        return reached ? age : age - 1;
    }

    private static int DaysUntil(AnnualDate birthday, LocalDate today)
    {
        for (var days = 0; days <= 366; days++)
        {
            var day = today.PlusDays(days);
            if (birthday.InYear(day.Year) == day)
            {
                return days;
            }
        }

        throw new InvalidOperationException("no birthday within a year");
    }

    private static bool Compare(decimal value, RuleCondition c)
    {
        var v = c.Operands.Select(o => o.Number).ToArray();
        return c.Operator switch
        {
            RuleOperator.Equal => value == v[0],
            RuleOperator.NotEqual => value != v[0],
            RuleOperator.Less => value < v[0],
            RuleOperator.LessOrEqual => value <= v[0],
            RuleOperator.Greater => value > v[0],
            RuleOperator.GreaterOrEqual => value >= v[0],
            RuleOperator.Between => value >= v[0] && value <= v[1],
            RuleOperator.In => v.Contains(value),
            RuleOperator.NotIn => !v.Contains(value),
            RuleOperator.IsNotNull => true,
            _ => false,
        };
    }

    private static string Fold(string s) => new(s.Select(ch => ch is 'I' or 'ı' or 'İ' or 'i' ? 'i' : char.ToLowerInvariant(ch)).ToArray());

    private static bool TextMatch(string text, RuleCondition c)
    {
        var value = Fold(text);
        var literals = c.Operands.Select(o => Fold(o.Text!)).ToArray();
        return c.Operator switch
        {
            RuleOperator.Equal => value == literals[0],
            RuleOperator.NotEqual => value != literals[0],
            RuleOperator.In => literals.Contains(value),
            RuleOperator.NotIn => !literals.Contains(value),
            RuleOperator.Contains => value.Contains(literals[0], StringComparison.Ordinal),
            RuleOperator.StartsWith => value.StartsWith(literals[0], StringComparison.Ordinal),
            RuleOperator.IsNotNull => true,
            _ => false,
        };
    }

    private static bool ChoiceMatch(string name, RuleCondition c)
    {
        static string Key(string s) => Fold(s.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal));
        var hit = c.Operands.Any(o => Key(o.Text!) == Key(name));
        return c.Operator is RuleOperator.Equal or RuleOperator.In ? hit : !hit;
    }

    private static bool SetMatch(IReadOnlyCollection<string> set, RuleCondition c)
    {
        var members = set.Select(Fold).ToHashSet();
        var hit = c.Operands.Any(o => members.Contains(Fold(o.Text!)));
        return c.Operator switch
        {
            RuleOperator.Equal or RuleOperator.In or RuleOperator.Contains => hit,
            RuleOperator.NotEqual or RuleOperator.NotIn => !hit,
            RuleOperator.IsNull => members.Count == 0,
            _ => members.Count > 0,
        };
    }
}
