namespace CustomerCare.PostgreSql;

/// <summary>
/// Thrown when the PostgreSQL store cannot do its work: a permanent error (the database does not exist, the login is
/// refused) or a transient one that outlasted every retry. The message names the host, the database and the user,
/// never the password; <see cref="Exception.InnerException"/> is Npgsql's exception.
/// </summary>
public sealed class PostgreSqlStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgreSqlStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public PostgreSqlStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public PostgreSqlStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The PostgreSQL error code (SQLSTATE), such as <c>3D000</c> for a database that does not exist, when the server gave one.</summary>
    public string? SqlState => (InnerException as Npgsql.PostgresException)?.SqlState;
}
