using System.Data.Common;
using System.Numerics;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CustomerCare.PostgreSql.Internal;

/// <summary>
/// Conversions between the library's values and PostgreSQL's: instants as <c>bigint</c> nanoseconds since the Unix
/// epoch (NodaTime's precision, which <c>timestamptz</c>'s microseconds would lose), money as <c>numeric</c> plus a
/// currency code.
/// </summary>
/// <remarks>
/// A <c>bigint</c> of nanoseconds spans the years 1678 to 2262. Instants outside it (such as <see cref="Instant.MinValue"/>
/// used as "since ever") saturate to the ends, which keeps comparisons with stored values right.
/// </remarks>
internal static class PgValues
{
    private static readonly BigInteger Min = long.MinValue;
    private static readonly BigInteger Max = long.MaxValue;

    /// <summary>An instant as nanoseconds since the Unix epoch, saturated to the range of a <c>bigint</c>.</summary>
    public static long Nanos(Instant instant)
    {
        var nanos = (instant - NodaConstants.UnixEpoch).ToBigIntegerNanoseconds();
        return nanos < Min ? long.MinValue : nanos > Max ? long.MaxValue : (long)nanos;
    }

    /// <summary>An optional instant as nanoseconds since the Unix epoch.</summary>
    public static long? Nanos(Instant? instant) => instant is { } value ? Nanos(value) : null;

    /// <summary>An instant as a <c>bigint</c> parameter.</summary>
    public static NpgsqlParameter At(Instant instant) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = Nanos(instant) };

    /// <summary>An optional instant as a <c>bigint</c> parameter.</summary>
    public static NpgsqlParameter At(Instant? instant) => Long(Nanos(instant));

    /// <summary>An optional text parameter.</summary>
    public static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    /// <summary>An optional bigint parameter.</summary>
    public static NpgsqlParameter Long(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value };

    /// <summary>An optional integer parameter.</summary>
    public static NpgsqlParameter Int(int? value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)value ?? DBNull.Value };

    /// <summary>Reads an instant column.</summary>
    public static Instant GetInstant(this DbDataReader reader, int ordinal) =>
        NodaConstants.UnixEpoch + Duration.FromNanoseconds(reader.GetInt64(ordinal));

    /// <summary>Reads a nullable instant column.</summary>
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
