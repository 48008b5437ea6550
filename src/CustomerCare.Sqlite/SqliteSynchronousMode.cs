namespace CustomerCare.Sqlite;

/// <summary>The values of SQLite's <c>PRAGMA synchronous</c>: how often SQLite waits for the disk.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Never waits for the disk: fastest; a crash of the operating system may corrupt the database.</summary>
    Off = 0,

    /// <summary>In WAL mode, waits at checkpoints only: consistent after any crash; a power loss may lose the latest commits.</summary>
    Normal = 1,

    /// <summary>Waits at every commit: durable against power loss, at the cost of one flush per transaction.</summary>
    Full = 2,

    /// <summary>Like <see cref="Full"/>, and also flushes the directory after a journal is deleted.</summary>
    Extra = 3,
}
