namespace CustomerCare.Sqlite;

/// <summary>Thrown when the database's schema version is not the one this library works with.</summary>
/// <remarks>
/// A database newer than the library was migrated by a later version of CustomerCare.Sqlite: this version refuses it
/// rather than misread it. A database older than the library is upgraded by <see cref="SqliteMigrator.MigrateAsync"/>
/// (automatically unless <see cref="SqliteStoreOptions.AutoMigrate"/> is off).
/// </remarks>
public sealed class SqliteSchemaVersionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqliteSchemaVersionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What does not match.</param>
    public SqliteSchemaVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What does not match.</param>
    /// <param name="innerException">The cause.</param>
    public SqliteSchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a database and both versions.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="databaseVersion">The database's schema version.</param>
    /// <param name="libraryVersion">The latest schema version this library knows.</param>
    public SqliteSchemaVersionException(string path, int databaseVersion, int libraryVersion)
        : base(databaseVersion > libraryVersion
            ? $"The SQLite database '{path}' has schema version {databaseVersion}, newer than version {libraryVersion}, the latest this CustomerCare.Sqlite knows. Upgrade the package; it will not use a schema it does not know."
            : $"The SQLite database '{path}' has schema version {databaseVersion}, but this CustomerCare.Sqlite needs version {libraryVersion}. Run SqliteMigrator.MigrateAsync, or turn SqliteStoreOptions.AutoMigrate on.")
    {
        Path = path;
        DatabaseVersion = databaseVersion;
        LibraryVersion = libraryVersion;
    }

    /// <summary>The database file; <see langword="null"/> when not known.</summary>
    public string? Path { get; }

    /// <summary>The database's schema version.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The latest schema version this library knows.</summary>
    public int LibraryVersion { get; }
}
