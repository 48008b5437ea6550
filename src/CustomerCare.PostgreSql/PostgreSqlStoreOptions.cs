namespace CustomerCare.PostgreSql;

/// <summary>Settings of the PostgreSQL storage plugin, bound from the <c>CustomerCare:PostgreSql</c> section or set in code.</summary>
/// <remarks>
/// Validated when the host starts (<see cref="PostgreSqlStoreOptionsValidator"/>); every error names the option and its
/// value. The instance is read once, when the database is created; later changes have no effect.
/// </remarks>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The default <see cref="Schema"/>.</summary>
    public const string DefaultSchema = "customercare";

    /// <summary>The Npgsql connection string, such as <c>Host=db;Database=care;Username=care;Password=…</c>. Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The schema every table lives in: lower-case ASCII letters, digits and underscores, starting with a letter or an
    /// underscore, at most 63 characters. Default <c>customercare</c>. Several applications (or test runs) can share a
    /// database by using different schemas.
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>
    /// Whether the schema is created and migrated to the library's version at first use. Default <see langword="true"/>.
    /// When <see langword="false"/>, a schema that is not at the library's version is refused with a
    /// <see cref="PostgreSqlSchemaVersionException"/>; run <see cref="PostgreSqlMigrator.MigrateAsync"/> yourself.
    /// </summary>
    public bool AutoMigrate { get; set; } = true;

    /// <summary>
    /// How long a write waits for a row lock held by another transaction before giving up (the transaction's <c>lock_timeout</c>);
    /// a timed-out transaction is rolled back and retried. Between 1 ms and 10 minutes; default 5 seconds.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one SQL command may run before it is cancelled. Between 1 second and 1 hour; default 30 seconds.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times a whole transaction is tried when it fails transiently (a dropped connection, a server restart,
    /// a serialization failure, a deadlock, a lock timeout). Between 1 and 20; default 8.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first delay between attempts; it doubles at each retry up to 2 seconds. Between 0 and 10 seconds; default 50 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);
}
