using System.Data.Common;
using NodaTime;
using NpgsqlTypes;
using Npgsql;

namespace CustomerCare.PostgreSql.Internal;

/// <summary>Conversions between the library's values and PostgreSQL's: instants as <c>timestamptz</c>, money as <c>numeric</c> plus a currency code.</summary>
internal static class PgValues
{
    /// <summary>An instant as a <c>timestamptz</c> parameter (microsecond precision, as PostgreSQL keeps).</summary>
    public static NpgsqlParameter At(Instant instant) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = instant.ToDateTimeUtc() };

    /// <summary>An optional instant as a <c>timestamptz</c> parameter.</summary>
    public static NpgsqlParameter At(Instant? instant) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = instant is { } value ? value.ToDateTimeUtc() : DBNull.Value };

    /// <summary>An optional text parameter.</summary>
    public static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    /// <summary>An optional bigint parameter.</summary>
    public static NpgsqlParameter Long(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value };

    /// <summary>An optional integer parameter.</summary>
    public static NpgsqlParameter Int(int? value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)value ?? DBNull.Value };

    /// <summary>Reads a <c>timestamptz</c> column.</summary>
    public static Instant GetInstant(this DbDataReader reader, int ordinal) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    /// <summary>Reads a nullable <c>timestamptz</c> column.</summary>
    public static Instant? GetInstantOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    /// <summary>Reads a nullable text column.</summary>
    public static string? GetStringOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Reads a nullable bigint column.</summary>
    public static long? GetInt64OrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>Reads a nullable integer column.</summary>
    public static int? GetInt32OrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    /// <summary>Reads an amount and its currency code.</summary>
    public static Money GetMoney(this DbDataReader reader, int amountOrdinal, int currencyOrdinal) =>
        new(reader.GetDecimal(amountOrdinal), Currency.FromCode(reader.GetString(currencyOrdinal)));
}
