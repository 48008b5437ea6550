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
        Segments.SegmentSpecification segment => SegmentRuleTranslator.Translate(segment.Rule.Root),
        { Criteria.Count: 0 } => CustomerFilter.Everything,
        _ => CustomerFilter.All,
    };

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
