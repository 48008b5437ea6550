using CustomerCare.Testing;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Tests;

/// <summary>A database file in a fresh temporary directory, deleted (with its WAL files) when disposed.</summary>
public sealed class TempDatabase : IDisposable, IAsyncDisposable
{
    private readonly string _directory;

    public TempDatabase(Action<SqliteStoreOptions>? configure = null)
    {
        _directory = Directory.CreateTempSubdirectory("customercare-sqlite-").FullName;
        Path = System.IO.Path.Combine(_directory, "customercare.db");
        var options = new SqliteStoreOptions { Path = Path };
        configure?.Invoke(options);
        Options = options;
        Database = new SqliteDatabase(options, TestClocks.AtUtc(2026, 11, 22, 9));
    }

    public string Path { get; }

    public SqliteStoreOptions Options { get; }

    public SqliteDatabase Database { get; }

    /// <summary>Another database object over the same file, as a second process would have.</summary>
    public SqliteDatabase Reopen(Action<SqliteStoreOptions>? configure = null)
    {
        var options = new SqliteStoreOptions { Path = Path };
        configure?.Invoke(options);
        return new SqliteDatabase(options, TestClocks.AtUtc(2026, 11, 22, 9));
    }

    public void Dispose()
    {
        Database.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A helper process may still be closing the file; the temporary directory is the system's to clean then.
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The temporary databases of one test, for suites that do not dispose the stores they create.</summary>
public sealed class TempDatabases : IDisposable
{
    private readonly List<TempDatabase> _databases = [];

    public SqliteDatabase Create(Action<SqliteStoreOptions>? configure = null)
    {
        var database = new TempDatabase(configure);
        lock (_databases)
        {
            _databases.Add(database);
        }

        return database.Database;
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }
}
