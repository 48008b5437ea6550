using Npgsql;
using NpgsqlTypes;

namespace CustomerCare.PostgreSql.Internal;

/// <summary>One open transaction of a store call: builds commands and can ask for a rollback instead of a commit.</summary>
/// <remarks>Used by one call on one thread; not thread-safe.</remarks>
internal sealed class PgTransaction(NpgsqlConnection connection, NpgsqlTransaction? transaction, int commandTimeoutSeconds)
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction? Transaction { get; } = transaction;

    /// <summary>Whether the call asked to roll back (a business refusal that must leave nothing written).</summary>
    public bool RollbackRequested { get; private set; }

    /// <summary>Asks for the transaction to be rolled back rather than committed when the call returns.</summary>
    public void Rollback() => RollbackRequested = true;

    /// <summary>Creates a command with positional parameters ($1, $2, …) in this transaction.</summary>
    public NpgsqlCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, Connection, Transaction) { CommandTimeout = commandTimeoutSeconds };
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter switch
            {
                NpgsqlParameter p => p,
                null => new NpgsqlParameter { Value = DBNull.Value },
                _ => new NpgsqlParameter { Value = parameter },
            });
        }

        return command;
    }

    /// <summary>Runs a statement and returns the number of rows it touched.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a query and returns its first column of the first row, or the default when there is no row or it is null.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Runs a query and maps every row.</summary>
    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Runs a query and maps its first row, or returns the default when there is none.</summary>
    public async Task<T?> FirstAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : default;
    }

    /// <summary>A text array parameter.</summary>
    public static NpgsqlParameter TextArray(IEnumerable<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values as string[] ?? values.ToArray() };

    /// <summary>A jsonb parameter.</summary>
    public static NpgsqlParameter Jsonb(string json) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json };
}
