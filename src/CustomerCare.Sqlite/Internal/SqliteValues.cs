using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// How values are stored: instants as integer nanoseconds since the Unix epoch (exact, and they sort), money amounts as
/// invariant decimal text (exact, scale kept), enums by name, and identifiers beside a key that sorts ordinally.
/// </summary>
internal static class SqliteValues
{
    private static readonly Instant MinStored = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MinValue);
    private static readonly Instant MaxStored = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MaxValue);

    /// <summary>An instant to store; outside 1677–2262 it cannot be, and the error names the field.</summary>
    public static long Stored(Instant instant, string field)
    {
        if (instant < MinStored || instant > MaxStored)
        {
            throw FieldValidationException.For(field, instant.ToString("g", CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "is outside the years 1678 to 2261 that the SQLite store keeps");
        }

        return (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();
    }

    /// <summary>An instant to compare with stored ones; beyond the stored range it is clamped, which keeps every comparison true.</summary>
    public static long Bound(Instant instant) =>
        instant <= MinStored ? long.MinValue : instant >= MaxStored ? long.MaxValue : (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    public static Instant ToInstant(long nanoseconds) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanoseconds);

    public static Instant GetInstant(this SqliteDataReader reader, int ordinal) => ToInstant(reader.GetInt64(ordinal));

    public static Instant? GetNullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ToInstant(reader.GetInt64(ordinal));

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static Money GetMoney(this SqliteDataReader reader, int amountOrdinal, int currencyOrdinal) =>
        new(decimal.Parse(reader.GetString(amountOrdinal), NumberStyles.Number, CultureInfo.InvariantCulture), Currency.FromCode(reader.GetString(currencyOrdinal)));

    public static T GetEnum<T>(this SqliteDataReader reader, int ordinal)
        where T : struct, Enum => Enum.Parse<T>(reader.GetString(ordinal), ignoreCase: false);

    public static string Name<T>(T value)
        where T : struct, Enum => value.ToString();

    /// <summary>
    /// The identifier as UTF-16 big-endian bytes: SQLite compares blobs byte by byte, which on this encoding is exactly
    /// .NET's ordinal order (the text itself compares in UTF-8 order, which differs above U+E000).
    /// </summary>
    public static byte[] SortKey(string id) => Encoding.BigEndianUnicode.GetBytes(id);

    /// <summary>Adds a parameter, mapping <see langword="null"/> to SQL NULL; returns the command for chaining.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>
    /// A command for <paramref name="sql"/>: compiled already when <paramref name="connection"/> is a
    /// <see cref="KeptConnection"/> that ran it before. Dispose it after use, which gives it back for the next one.
    /// </summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql)
    {
        if (KeptConnection.For(connection) is { } kept)
        {
            return kept.Command(sql);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a parameter whose value is set before each execution of a reused command.</summary>
    public static SqliteParameter Parameter(this SqliteCommand command, string name, SqliteType type) => command.Parameters.Add(name, type);

    public static object Db(object? value) => value ?? DBNull.Value;
}
