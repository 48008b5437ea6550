using System.Globalization;
using System.Text;
using CustomerCare.Customers;
using CustomerCare.Specifications;

namespace CustomerCare.Sqlite.Internal;

/// <summary>Turns a customer specification into a SQL condition on the stored columns, values always as parameters.</summary>
internal static class CustomerQueryTranslator
{
    public static CustomerFilter Translate(ISpecification<Customer> specification) => specification switch
    {
        BirthdaySpecification birthdays => Birthdays(birthdays),
        CustomerByEmailSpecification byEmail => Indexed(null, "email_key = $email", ("$email", CustomerByEmailSpecification.Key(byEmail.Email))),
        CustomerByPhoneSpecification byPhone => Indexed(null, "phone_key = $phone", ("$phone", byPhone.Phone.Value)),
        // Inclusive bounds on clamped columns select a superset; the document is checked after them.
        WithoutOrderSpecification withoutOrder => Indexed(
            "customers_signed_up",
            "order_count = 0 AND signed_up_at >= $signedUpAfter AND signed_up_at <= $signedUpUntil",
            ("$signedUpAfter", SqliteValues.Bound(withoutOrder.SignedUpAfter)),
            ("$signedUpUntil", SqliteValues.Bound(withoutOrder.SignedUpUntil))),
        LastOrderUntilSpecification lastOrder => Indexed("customers_last_order", "last_order_at <= $lastOrderUntil", ("$lastOrderUntil", SqliteValues.Bound(lastOrder.Until))),
        Segments.SegmentSpecification segment => SegmentRuleTranslator.Translate(segment.Rule.Root),
        { Criteria.Count: 0 } => CustomerFilter.Everything,
        _ => CustomerFilter.All,
    };

    /// <summary>A condition an index answers, to be checked against the documents it selects.</summary>
    private static CustomerFilter Indexed(string? index, string sql, params (string Name, object Value)[] parameters) =>
        new(sql, [.. parameters.Select(p => new KeyValuePair<string, object>(p.Name, p.Value))], Exact: false, Indexed: true) { Index = index };

    /// <summary>(birth_month, birth_day) pairs as OR-ed equalities, which SQLite answers from the index, one probe per date.</summary>
    private static CustomerFilter Birthdays(BirthdaySpecification specification)
    {
        if (specification.Dates.Count == 0)
        {
            return new CustomerFilter("0", [], Exact: true);
        }

        var sql = new StringBuilder();
        var parameters = new List<KeyValuePair<string, object>>();
        foreach (var date in specification.Dates)
        {
            var month = string.Create(CultureInfo.InvariantCulture, $"$bm{parameters.Count}");
            parameters.Add(new(month, date.Month));
            var day = string.Create(CultureInfo.InvariantCulture, $"$bd{parameters.Count}");
            parameters.Add(new(day, date.Day));
            sql.Append(sql.Length == 0 ? "(" : " OR ").Append(CultureInfo.InvariantCulture, $"(birth_month = {month} AND birth_day = {day})");
        }

        return new CustomerFilter(sql.Append(')').ToString(), parameters, Exact: true, Indexed: true);
    }
}
