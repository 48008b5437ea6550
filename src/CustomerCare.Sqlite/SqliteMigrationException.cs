namespace CustomerCare.Sqlite;

/// <summary>Thrown when a migration script fails; the migration was rolled back completely and the schema version is unchanged.</summary>
public sealed class SqliteMigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqliteMigrationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public SqliteMigrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">SQLite's error.</param>
    public SqliteMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed migration.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="version">The migration's version.</param>
    /// <param name="description">The migration's description.</param>
    /// <param name="innerException">SQLite's error.</param>
    public SqliteMigrationException(string path, int version, string description, Exception innerException)
        : base($"Migration {version} ({description}) of the SQLite database '{path}' failed and was rolled back: {innerException?.Message}", innerException!)
    {
        Path = path;
        Version = version;
        Description = description;
    }

    /// <summary>The database file; <see langword="null"/> when not known.</summary>
    public string? Path { get; }

    /// <summary>The version of the migration that failed.</summary>
    public int Version { get; }

    /// <summary>The description of the migration that failed.</summary>
    public string? Description { get; }
}
