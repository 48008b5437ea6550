using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Segments;
using CustomerCare.Specifications;

using CustomerCare.PostgreSql.Internal;

namespace CustomerCare.PostgreSql;

/// <summary>The SQL that reads the candidates of a customer specification, with its parameters.</summary>
/// <param name="Sql">Selects version, document (and id for pages).</param>
/// <param name="Parameters">The positional parameters.</param>
/// <param name="PagedInSql">Whether the SQL already applies the whole specification (criteria, order, paging).</param>
/// <param name="CountInSql">Counts the matches exactly, when the SQL filter is the whole criteria; otherwise <see langword="null"/>.</param>
internal sealed record CustomerQuery(string Sql, object?[] Parameters, bool PagedInSql, string? CountInSql)
{
    /// <summary>The query for a list or a count.</summary>
    public static CustomerQuery For(ISpecification<Customer> specification, PostgreSqlDatabase database)
    {
        var parameters = new List<object?>();
        var (where, exact) = Filter(specification, parameters);
        var count = exact ? database.Sql("SELECT count(*) FROM {s}.customers WHERE " + where) : null;
        if (exact && specification.OrderExpressions.Count == 0 && (specification.Skip is not null || specification.Take is not null))
        {
            var paged = new List<object?>(parameters) { specification.Skip ?? 0, (long?)specification.Take };
            var sql = database.Sql(string.Create(CultureInfo.InvariantCulture, $"SELECT version, document FROM {{s}}.customers WHERE {where} ORDER BY id OFFSET ${paged.Count - 1} LIMIT ${paged.Count}"));
            return new CustomerQuery(sql, [.. paged], PagedInSql: true, count);
        }

        return new CustomerQuery(database.Sql($"SELECT version, document FROM {{s}}.customers WHERE {where} ORDER BY id"), [.. parameters], PagedInSql: false, count);
    }

    /// <summary>One page of candidates after an id, in id order, for streaming.</summary>
    public static CustomerQuery Page(ISpecification<Customer> specification, PostgreSqlDatabase database, string? after, int size)
    {
        var parameters = new List<object?>();
        var (where, _) = Filter(specification, parameters);
        parameters.Add(Internal.PgValues.Text(after));
        parameters.Add(size);
        var sql = database.Sql(string.Create(CultureInfo.InvariantCulture, $"SELECT version, document, id FROM {{s}}.customers WHERE {where} AND (${parameters.Count - 1}::text IS NULL OR id > ${parameters.Count - 1}) ORDER BY id LIMIT ${parameters.Count}"));
        return new CustomerQuery(sql, [.. parameters], PagedInSql: false, null);
    }

    /// <summary>The WHERE condition, and whether it is exactly the specification's criteria.</summary>
    private static (string Where, bool Exact) Filter(ISpecification<Customer> specification, List<object?> parameters)
    {
        switch (specification)
        {
            case BirthdaySpecification birthday:
                if (birthday.Dates.Count == 0)
                {
                    return ("FALSE", true);
                }

                // One (month, day) pair per date, OR-ed: the planner answers each from the birthday index.
                var pairs = birthday.Dates.Select(date =>
                {
                    parameters.Add((short)date.Month);
                    parameters.Add((short)date.Day);
                    return string.Create(CultureInfo.InvariantCulture, $"(birth_month = ${parameters.Count - 1} AND birth_day = ${parameters.Count})");
                });
                return ("(" + string.Join(" OR ", pairs) + ")", birthday.Criteria.Count == 1);
            // The instant columns are clamped to what bigint nanoseconds hold, so inclusive bounds select a superset that
            // the documents are then checked against; the columns spare parsing every customer's document.
            case WithoutOrderSpecification withoutOrder:
                parameters.Add(PgValues.Nanos(withoutOrder.SignedUpAfter));
                parameters.Add(PgValues.Nanos(withoutOrder.SignedUpUntil));
                return (string.Create(CultureInfo.InvariantCulture, $"order_count = 0 AND signed_up_at >= ${parameters.Count - 1} AND signed_up_at <= ${parameters.Count}"), false);
            case LastOrderUntilSpecification lastOrder:
                parameters.Add(PgValues.Nanos(lastOrder.Until));
                return (string.Create(CultureInfo.InvariantCulture, $"last_order_at <= ${parameters.Count}"), false);
            case SegmentSpecification segment:
                return (SegmentSql.Translate(segment.Rule.Root, parameters), false);
            case ICriteriaOf inner:
                return Filter(inner.Inner, parameters);
            default:
                return specification.Criteria.Count == 0 ? ("TRUE", true) : ("TRUE", false);
        }
    }
}

/// <summary>A wrapper over another specification, whose translation is the inner one's.</summary>
internal interface ICriteriaOf
{
    /// <summary>The wrapped specification.</summary>
    ISpecification<Customer> Inner { get; }
}
