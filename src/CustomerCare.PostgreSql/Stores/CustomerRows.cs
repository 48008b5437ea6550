using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage.Serialization;
using NpgsqlTypes;
using Npgsql;

using CustomerCare.PostgreSql.Internal;

namespace CustomerCare.PostgreSql;

/// <summary>How customers and orders map to their rows: the JSON document plus the key columns queries use.</summary>
internal static class CustomerRows
{
    public const string CustomerColumns = "id, version, birth_month, birth_day, birth_year, gender, age_band, education, income_band, order_count, total_spend, refunded_total, returns_count, cancelled_count, review_count, signed_up_at, first_order_at, last_order_at, consent_mask, document";

    public const string CustomerUnnest = "unnest($1::text[], $2::bigint[], $3::smallint[], $4::smallint[], $5::integer[], $6::smallint[], $7::smallint[], $8::smallint[], $9::smallint[], $10::integer[], $11::numeric[], $12::numeric[], $13::integer[], $14::integer[], $15::integer[], $16::bigint[], $17::bigint[], $18::bigint[], $19::integer[], $20::jsonb[])";

    public const string OrderColumns = "id, customer_id, version, status, placed_at, document";

    public const string OrderUnnest = "unnest($1::text[], $2::text[], $3::bigint[], $4::smallint[], $5::bigint[], $6::jsonb[])";

    /// <summary>The unnest parameters of customers, each stored at the given version.</summary>
    public static object[] CustomerArrays(IReadOnlyList<(Customer Customer, long Version)> rows) =>
    [
        Text(rows.Select(r => r.Customer.Id.Value)),
        rows.Select(r => r.Version).ToArray(),
        rows.Select(r => (short?)r.Customer.Birthday?.Date.Month).ToArray(),
        rows.Select(r => (short?)r.Customer.Birthday?.Date.Day).ToArray(),
        rows.Select(r => r.Customer.Birthday?.Year).ToArray(),
        rows.Select(r => (short)r.Customer.Gender).ToArray(),
        rows.Select(r => (short)r.Customer.AgeBand).ToArray(),
        rows.Select(r => (short)r.Customer.Education).ToArray(),
        rows.Select(r => (short)r.Customer.IncomeBand).ToArray(),
        rows.Select(r => r.Customer.Stats.OrderCount).ToArray(),
        rows.Select(r => r.Customer.Stats.TotalSpend.Amount).ToArray(),
        rows.Select(r => r.Customer.Stats.RefundedTotal.Amount).ToArray(),
        rows.Select(r => r.Customer.Stats.ReturnsCount).ToArray(),
        rows.Select(r => r.Customer.Stats.CancelledCount).ToArray(),
        rows.Select(r => r.Customer.Engagement.ReviewCount).ToArray(),
        rows.Select(r => PgValues.Nanos(r.Customer.SignedUpAt)).ToArray(),
        rows.Select(r => PgValues.Nanos(r.Customer.Stats.FirstOrderAt)).ToArray(),
        rows.Select(r => PgValues.Nanos(r.Customer.Stats.LastOrderAt)).ToArray(),
        rows.Select(r => r.Customer.Consents.Mask).ToArray(),
        Json(rows.Select(r => StorageJson.Serialize(r.Customer with { Version = r.Version }))),
    ];

    /// <summary>The unnest parameters of orders, each stored at the given version.</summary>
    public static object[] OrderArrays(IReadOnlyList<(Order Order, long Version)> rows) =>
    [
        Text(rows.Select(r => r.Order.Id.Value)),
        Text(rows.Select(r => r.Order.CustomerId.Value)),
        rows.Select(r => r.Version).ToArray(),
        rows.Select(r => (short)r.Order.Status).ToArray(),
        rows.Select(r => PgValues.Nanos(r.Order.PlacedAt)).ToArray(),
        Json(rows.Select(r => StorageJson.Serialize(r.Order with { Version = r.Version }))),
    ];

    /// <summary>Reads a customer from its document (column <paramref name="documentOrdinal"/>) at the version in <paramref name="versionOrdinal"/>.</summary>
    public static Customer ReadCustomer(NpgsqlDataReader reader, int versionOrdinal, int documentOrdinal) =>
        StorageJson.Deserialize<Customer>(reader.GetString(documentOrdinal)) with { Version = reader.GetInt64(versionOrdinal) };

    /// <summary>Reads an order from its document at its stored version.</summary>
    public static Order ReadOrder(NpgsqlDataReader reader, int versionOrdinal, int documentOrdinal) =>
        StorageJson.Deserialize<Order>(reader.GetString(documentOrdinal)) with { Version = reader.GetInt64(versionOrdinal) };

    private static NpgsqlParameter Text(IEnumerable<string> values) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    private static NpgsqlParameter Json(IEnumerable<string> values) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = values.ToArray() };
}
