using System.Text;
using CustomerCare.Feedback;
using CustomerCare.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Conformance;

/// <summary>
/// The erasure suite over the SQLite stores. The search reads every column of every table as text (LIKE), and then the
/// raw bytes of the database file and its WAL after a checkpoint: with <c>secure_delete</c> on, the bytes of an
/// overwritten row must not linger in free space.
/// </summary>
public sealed class SqlitePersonalDataErasureConformanceTests : PersonalDataErasureConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("customercare-erasure-").FullName;

    protected override ValueTask<IServiceProvider> CreateServicesAsync(IClock clock)
    {
        var services = new ServiceCollection().AddSingleton(clock);
        services.AddCustomerCare().UseSqlite(Path.Combine(_directory, "customercare.db")).AddSurveys().AddReviewHealth();
        return ValueTask.FromResult<IServiceProvider>(services.BuildServiceProvider());
    }

    protected override async ValueTask<IReadOnlyList<string>> SearchAllAsync(IServiceProvider services, string needle)
    {
        var path = services.GetRequiredService<SqliteDatabase>().FilePath;
        var found = new List<string>();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var (table, column) in await ColumnsAsync(connection))
            {
                using var search = connection.CreateCommand();
                search.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE '%' || $needle || '%';";
                search.Parameters.AddWithValue("$needle", needle);
                if ((long)(await search.ExecuteScalarAsync())! > 0)
                {
                    found.Add($"{table}.{column}");
                }
            }

            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var bytes = Encoding.UTF8.GetBytes(needle);
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            var content = await File.ReadAllBytesAsync(file);
            if (content.AsSpan().IndexOf(bytes) >= 0)
            {
                found.Add($"bytes of {Path.GetFileName(file)}");
            }
        }

        return found;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<List<(string Table, string Column)>> ColumnsAsync(SqliteConnection connection)
    {
        var columns = new List<(string, string)>();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table';";
        using var reader = await tables.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
