using CustomerCare.Storage;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>Sorts SQLite errors into transient (retry the transaction) and permanent (a clear exception).</summary>
internal static class SqliteFaults
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Corrupt = 11;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static bool IsTransient(SqliteException exception) => exception.SqliteErrorCode is Busy or Locked;

    /// <summary>The exception to throw instead of SQLite's, or <see langword="null"/> to let SQLite's propagate.</summary>
    public static Exception? Translate(SqliteException exception, string path, int retries) => exception.SqliteErrorCode switch
    {
        Busy or Locked => new ConcurrencyException(
            $"The SQLite database '{path}' stayed locked by another connection after {retries} retries (SQLite error {exception.SqliteErrorCode}); nothing was written.",
            exception),
        Corrupt or CantOpen or NotADatabase => new SqliteDatabaseFileException(path, exception.SqliteErrorCode, exception),
        _ => null,
    };
}
