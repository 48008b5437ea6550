namespace CustomerCare.Sqlite;

/// <summary>Where the SQLite database is and how the stores use it.</summary>
/// <remarks>
/// Set exactly one of <see cref="Path"/> and <see cref="ConnectionString"/>. The options are read once, when the
/// <see cref="SqliteDatabase"/> is created; changing them afterwards has no effect. Not thread-safe while being set.
/// </remarks>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file, such as <c>customercare.db</c>; created when missing. Relative paths resolve against the current directory.</summary>
    public string? Path { get; set; }

    /// <summary>A Microsoft.Data.Sqlite connection string, for settings beyond the file name (its <c>Data Source</c> is the file).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether the schema is created or upgraded on first use; <see langword="true"/> by default.</summary>
    /// <remarks>When <see langword="false"/>, run <see cref="SqliteMigrator.MigrateAsync"/> yourself (for example from a deployment step).</remarks>
    public bool AutoMigrate { get; set; } = true;

    /// <summary>How long a statement waits for another connection's lock before the write is retried; 5 seconds by default.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>PRAGMA synchronous</c> level of every connection; <see cref="SqliteSynchronousMode.Normal"/> by default.</summary>
    /// <remarks>In WAL mode, <see cref="SqliteSynchronousMode.Normal"/> keeps the database consistent after a crash and may lose the last commits only on a power loss.</remarks>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Normal;

    /// <summary>How many rows a stream reads per short read transaction; 1000 by default.</summary>
    /// <remarks>Streaming in pages keeps a long enumeration from pinning an old snapshot, which would stop the WAL from being checkpointed.</remarks>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How many writes of a write batch (<see cref="SqliteWriteBatcher"/>) go into one commit; 500 by default.</summary>
    /// <remarks>
    /// Larger batches write each touched page once for more writes, but keep other processes' writers waiting longer
    /// and lose more work if the process dies before the commit.
    /// </remarks>
    public int WritesPerBatchCommit { get; set; } = 500;

    /// <summary>
    /// How many bytes of the database file SQLite reads through a memory map instead of read calls
    /// (<c>PRAGMA mmap_size</c>); 0, off, by default. At most <see cref="MaxMemoryMapSize"/>.
    /// </summary>
    /// <remarks>
    /// A file larger than the page cache is read again and again from the operating system; mapped, those reads cost no
    /// system call. The process's resident size then counts the mapped pages it touched, though they are the operating
    /// system's file cache, not its own memory. An I/O error on a mapped page stops the process (<c>SIGBUS</c>) instead
    /// of failing the statement, so leave it off on network file systems.
    /// </remarks>
    public long MemoryMapSize { get; set; }

    /// <summary>The largest <see cref="MemoryMapSize"/>: SQLite's own limit (<c>SQLITE_MAX_MMAP_SIZE</c>), just under 2 GiB.</summary>
    public const long MaxMemoryMapSize = 0x7fff0000;

    /// <summary>How many customers the customer store keeps parsed in memory, each valid for one version; 10,000 by default, 0 for none.</summary>
    /// <remarks>
    /// A cached customer is used only when the row's version matches, so a change made by another process is always
    /// seen; the cache saves parsing the document of a customer that was just read or written (an event, then the
    /// campaign and the notice that follow it). Each entry costs the size of one <c>Customer</c>, about 1–2 KB.
    /// </remarks>
    public int CustomerCacheSize { get; set; } = 10_000;

    /// <summary>How many times a transaction that met a lock (<c>SQLITE_BUSY</c>, <c>SQLITE_LOCKED</c>) is run again, with a doubling delay; 5 by default.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The delay before the first retry; it doubles at each retry, up to one second. 20 milliseconds by default.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(20);
}
