using Microsoft.Extensions.Options;

namespace CustomerCare.Sqlite.Internal;

/// <summary>Checks <see cref="SqliteStoreOptions"/> on start; every failure names the option and its value.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    private static readonly TimeSpan MaxBusyTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Problems(options).ToArray();
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of a set of options, each naming the option and the value.</summary>
    internal static IEnumerable<string> Problems(SqliteStoreOptions options)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.Path);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasPath == hasConnectionString)
        {
            yield return hasPath
                ? $"SqliteStoreOptions.Path ('{options.Path}') and SqliteStoreOptions.ConnectionString are both set; set only one."
                : "SqliteStoreOptions.Path is required (or SqliteStoreOptions.ConnectionString): the database file, such as 'customercare.db'.";
        }

        if (hasPath && options.Path!.Trim() is ":memory:" or "")
        {
            yield return $"SqliteStoreOptions.Path '{options.Path}' is an in-memory database, which every connection sees empty; use a file.";
        }

        if (hasConnectionString && !hasPath)
        {
            string? problem = null;
            try
            {
                var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource.Trim() == ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
                {
                    problem = $"SqliteStoreOptions.ConnectionString '{options.ConnectionString}' names no database file (Data Source); use a file.";
                }
            }
            catch (ArgumentException e)
            {
                problem = $"SqliteStoreOptions.ConnectionString '{options.ConnectionString}' is not a valid connection string: {e.Message}";
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > MaxBusyTimeout)
        {
            yield return $"SqliteStoreOptions.BusyTimeout {options.BusyTimeout} is out of range: it must be between 00:00:00 and {MaxBusyTimeout}.";
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            yield return $"SqliteStoreOptions.Synchronous {(int)options.Synchronous} is not a synchronous mode (Off, Normal, Full, Extra).";
        }

        if (options.WritesPerBatchCommit is < 1 or > 100_000)
        {
            yield return $"SqliteStoreOptions.WritesPerBatchCommit {options.WritesPerBatchCommit} is out of range: it must be between 1 and 100000.";
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            yield return $"SqliteStoreOptions.BatchSize {options.BatchSize} is out of range: it must be between 1 and 100000.";
        }

        if (options.MemoryMapSize is < 0 or > SqliteStoreOptions.MaxMemoryMapSize)
        {
            yield return $"SqliteStoreOptions.MemoryMapSize {options.MemoryMapSize} is out of range: it must be between 0 and {SqliteStoreOptions.MaxMemoryMapSize} bytes.";
        }

        if (options.CustomerCacheSize is < 0 or > 10_000_000)
        {
            yield return $"SqliteStoreOptions.CustomerCacheSize {options.CustomerCacheSize} is out of range: it must be between 0 and 10000000.";
        }

        if (options.MaxRetries is < 0 or > 100)
        {
            yield return $"SqliteStoreOptions.MaxRetries {options.MaxRetries} is out of range: it must be between 0 and 100.";
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromSeconds(10))
        {
            yield return $"SqliteStoreOptions.RetryDelay {options.RetryDelay} is out of range: it must be between 00:00:00 and 00:00:10.";
        }
    }
}
