using CustomerCare.Customers;
using CustomerCare.Storage.Serialization;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// Brings the query columns of customers written by an older version of the store up to date from their documents,
/// a batch per transaction, when the database is opened.
/// </summary>
/// <remarks>
/// A migration can add a column but not compute it: the values come from C# (folding, normalized keys). Only the
/// columns change; the documents and versions stay as they are. A crash in between leaves the remaining rows for the
/// next open.
/// </remarks>
internal static class CustomerColumnsRefresh
{
    private const int Batch = 1000;

    public static async ValueTask RunAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        // Asked with a read first: opening a file whose rows are current must not wait for another process's writer.
        var anyStale = await database.ReadUncheckedAsync(
            async connection =>
            {
                using var exists = connection.Command($"SELECT EXISTS (SELECT 1 FROM customers WHERE columns_version < {CustomerColumns.Version});");
                return (long)(await exists.ExecuteScalarAsync(cancellationToken))! == 1;
            },
            cancellationToken);
        if (!anyStale)
        {
            return;
        }

        int refreshed;
        do
        {
            refreshed = await database.WriteUncheckedAsync(
                async write =>
                {
                    var stale = new List<(string Id, Customer Customer)>();
                    using (var select = write.Command($"SELECT id, document FROM customers WHERE columns_version < {CustomerColumns.Version} LIMIT {Batch};"))
                    using (var reader = await select.ExecuteReaderAsync(write.CancellationToken))
                    {
                        while (await reader.ReadAsync(write.CancellationToken))
                        {
                            stale.Add((reader.GetString(0), StorageJson.Deserialize<Customer>(reader.GetString(1))));
                        }
                    }

                    using var update = write.Command($"UPDATE customers SET {CustomerRow.Assignments}, columns_version = {CustomerColumns.Version} WHERE id = $id;");
                    update.Parameter("$id", Microsoft.Data.Sqlite.SqliteType.Text);
                    foreach (var column in CustomerColumns.All)
                    {
                        update.Parameter("$" + column.Name, column.Type);
                    }

                    foreach (var (id, customer) in stale)
                    {
                        update.Parameters["$id"].Value = id;
                        foreach (var column in CustomerColumns.All)
                        {
                            update.Parameters["$" + column.Name].Value = SqliteValues.Db(column.Value(customer));
                        }

                        await update.ExecuteNonQueryAsync(write.CancellationToken);
                    }

                    return stale.Count;
                },
                cancellationToken);
        }
        while (refreshed == Batch);
    }
}
