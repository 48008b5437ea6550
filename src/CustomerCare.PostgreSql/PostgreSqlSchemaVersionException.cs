namespace CustomerCare.PostgreSql;

/// <summary>
/// Thrown when the database schema is at a version this library cannot use: newer than the library knows (a newer
/// application migrated it), or older while <see cref="PostgreSqlStoreOptions.AutoMigrate"/> is off.
/// </summary>
public sealed class PostgreSqlSchemaVersionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgreSqlSchemaVersionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public PostgreSqlSchemaVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PostgreSqlSchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a schema at <paramref name="databaseVersion"/> when the library needs <paramref name="libraryVersion"/>.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="databaseVersion">The version recorded in the database.</param>
    /// <param name="libraryVersion">The latest version this library knows.</param>
    /// <param name="message">What is wrong.</param>
    public PostgreSqlSchemaVersionException(string schema, int databaseVersion, int libraryVersion, string message)
        : base(message)
    {
        Schema = schema;
        DatabaseVersion = databaseVersion;
        LibraryVersion = libraryVersion;
    }

    /// <summary>The schema, when known.</summary>
    public string? Schema { get; }

    /// <summary>The version recorded in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The latest version this library knows.</summary>
    public int LibraryVersion { get; }
}
