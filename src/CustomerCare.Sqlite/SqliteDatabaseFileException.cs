namespace CustomerCare.Sqlite;

/// <summary>Thrown when the database file cannot be used: it is not a SQLite database, it is corrupt, or it cannot be opened.</summary>
/// <remarks>This is permanent: retrying does not help. The message names the file; <see cref="Exception.InnerException"/> holds SQLite's own error.</remarks>
public sealed class SqliteDatabaseFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqliteDatabaseFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the file.</param>
    public SqliteDatabaseFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong with the file.</param>
    /// <param name="innerException">SQLite's error.</param>
    public SqliteDatabaseFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file and SQLite's error code.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="sqliteErrorCode">SQLite's primary result code, such as 26 (<c>SQLITE_NOTADB</c>) or 11 (<c>SQLITE_CORRUPT</c>).</param>
    /// <param name="innerException">SQLite's error.</param>
    public SqliteDatabaseFileException(string path, int sqliteErrorCode, Exception innerException)
        : base(Describe(path, sqliteErrorCode), innerException)
    {
        Path = path;
        SqliteErrorCode = sqliteErrorCode;
    }

    /// <summary>The database file, as a full path; <see langword="null"/> when not known.</summary>
    public string? Path { get; }

    /// <summary>SQLite's primary result code; 0 when not known.</summary>
    public int SqliteErrorCode { get; }

    private static string Describe(string path, int code) => code switch
    {
        26 => $"The file '{path}' is not a SQLite database (SQLITE_NOTADB). Point SqliteStoreOptions.Path at a CustomerCare database, or at a path where a new one may be created.",
        11 => $"The SQLite database '{path}' is corrupt (SQLITE_CORRUPT). Restore it from a backup; the stores will not write to it.",
        14 => $"The SQLite database '{path}' cannot be opened (SQLITE_CANTOPEN): check that its directory exists and is writable.",
        _ => $"The SQLite database '{path}' cannot be used (SQLite error {code}).",
    };
}
