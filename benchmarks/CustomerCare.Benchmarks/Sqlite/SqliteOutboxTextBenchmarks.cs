using BenchmarkDotNet.Attributes;
using CustomerCare.Notifications;
using CustomerCare.Sqlite;
using CustomerCare.Sqlite.Migrations;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// A message's whole stay in the outbox: queuing <see cref="Queued"/> messages whose body is <see cref="BodyChars"/>
/// characters, then claiming them in claims of 100 and recording each as sent, one invocation draining the queue; Mean
/// is per message. <see cref="TextApart"/> is the store as it is
/// (migration 0009: the body and metadata in <c>outbox_contents</c>). <see cref="TextInRow"/>, the baseline, is the same
/// work hand-written on a file of schema version 8, where the text was in the outbox row: one insert per message, a
/// claim through the pending index returning every column, and the store's outcome update, each its own
/// <c>BEGIN IMMEDIATE</c> transaction as the store runs them, with the store's pragmas (WAL, <c>synchronous=NORMAL</c>,
/// <c>secure_delete=ON</c>).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class SqliteOutboxTextBenchmarks
{
    /// <summary>How many messages wait when an invocation starts.</summary>
    public const int Queued = 2_000;

    private const int ClaimSize = 100;
    private const string Version8Columns =
        "id, channel, recipient, subject, body, content_type, metadata, kind, priority, customer_id, enqueued_at, due_at, status, attempts, claimed_by, lease_until, last_error, sent_at, provider_message_id";

    private static readonly Instant Now = FixedClock.Benchmark.GetCurrentInstant();
    private SqliteDatabase? _database;
    private SqliteOutboxStore _store = null!;
    private SqliteConnection? _version8;
    private string? _path;
    private int _round;

    /// <summary>The body's length in characters (Turkish letters, two bytes each in UTF-8).</summary>
    [Params(1_000, 20_000)]
    public int BodyChars { get; set; }

    /// <summary>A new file with the current schema.</summary>
    [GlobalSetup(Target = nameof(TextApart))]
    public void SetupCurrent() => Open(MigrationSet.Embedded);

    /// <summary>A new file of schema version 8, written and read with hand-written statements.</summary>
    [GlobalSetup(Target = nameof(TextInRow))]
    public void SetupVersion8()
    {
        Open([.. MigrationSet.Embedded.Take(8)]);
        _version8 = new SqliteConnection(_database!.ConnectionString);
        _version8.Open();
        Run("PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
    }

    /// <summary>Names this invocation's messages apart from the last one's.</summary>
    [IterationSetup]
    public void NextRound() => _round++;

    private void Enqueue()
    {
        var body = new string('ş', BodyChars);
        for (var i = 0; i < Queued; i++)
        {
            var id = $"r{_round:D3}-m{i:D5}";
            if (_version8 is null)
            {
                var message = new OutboxMessage { Id = id, Channel = "email", Recipient = "ayse@example.com.tr", Subject = "Siparişiniz yola çıktı", Body = body, EnqueuedAt = Now, DueAt = Now };
                if (!_store.EnqueueAsync(message).AsTask().GetAwaiter().GetResult())
                {
                    throw new InvalidOperationException($"Message {id} was not queued.");
                }
            }
            else
            {
                using var insert = _version8.CreateCommand();
                insert.CommandText = "INSERT INTO outbox (id, channel, recipient, subject, body, content_type, metadata, kind, priority, enqueued_at, due_at, status, attempts) "
                    + "VALUES ($id, 'email', 'ayse@example.com.tr', 'Siparişiniz yola çıktı', $body, 'text/plain', '{}', 'Transactional', 0, $now, $now, 'Pending', 0);";
                insert.Parameters.AddWithValue("$id", id);
                insert.Parameters.AddWithValue("$body", body);
                insert.Parameters.AddWithValue("$now", Now.ToUnixTimeTicks() * 100);
                Run("BEGIN IMMEDIATE;");
                insert.ExecuteNonQuery();
                Run("COMMIT;");
            }
        }
    }

    /// <summary>Closes and deletes the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _version8?.Dispose();
        _database?.Dispose();
        SqliteConnection.ClearAllPools();
        if (_path is not null)
        {
            DatabaseFiles.Delete(_path);
        }
    }

    /// <summary>Queues and drains through the store.</summary>
    [Benchmark(OperationsPerInvoke = Queued)]
    public async Task TextApart()
    {
        Enqueue();
        var drained = 0;
        while (await _store.ClaimDueAsync(Now, "bench", Duration.FromMinutes(5), ClaimSize) is { Count: > 0 } claimed)
        {
            foreach (var message in claimed)
            {
                await _store.CompleteAsync(message with { Status = OutboxStatus.Sent, SentAt = Now, Attempts = 1 }, "bench");
            }

            drained += claimed.Count;
        }

        Drained(drained);
    }

    /// <summary>Queues and drains on the version-8 file by hand (the baseline).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Queued)]
    public void TextInRow()
    {
        Enqueue();
        using var claim = _version8!.CreateCommand();
        claim.CommandText = "UPDATE outbox SET status = 'InFlight', claimed_by = 'bench', lease_until = $lease WHERE id IN ("
            + "SELECT id FROM outbox INDEXED BY outbox_pending WHERE status = 'Pending' AND due_at <= $now ORDER BY priority DESC, due_at, id LIMIT $limit) "
            + $"RETURNING {Version8Columns};";
        claim.Parameters.AddWithValue("$lease", long.MaxValue);
        claim.Parameters.AddWithValue("$now", Now.ToUnixTimeTicks() * 100);
        claim.Parameters.AddWithValue("$limit", ClaimSize);
        using var complete = _version8.CreateCommand();
        complete.CommandText = "UPDATE outbox SET status = 'Sent', attempts = 1, due_at = due_at, last_error = NULL, sent_at = $now, provider_message_id = NULL, "
            + "claimed_by = NULL, lease_until = NULL WHERE id = $id AND status = 'InFlight' AND claimed_by = 'bench';";
        complete.Parameters.AddWithValue("$now", Now.ToUnixTimeTicks() * 100);
        var id = complete.Parameters.Add("$id", SqliteType.Text);
        var drained = 0;
        while (true)
        {
            var ids = new List<string>(ClaimSize);
            Run("BEGIN IMMEDIATE;");
            using (var reader = claim.ExecuteReader())
            {
                while (reader.Read())
                {
                    // Read as the store reads a claimed message: every column, the text included.
                    ids.Add(reader.GetString(0));
                    _ = reader.GetString(4);
                    _ = reader.GetString(6);
                }
            }

            Run("COMMIT;");
            if (ids.Count == 0)
            {
                break;
            }

            foreach (var claimed in ids)
            {
                id.Value = claimed;
                Run("BEGIN IMMEDIATE;");
                if (complete.ExecuteNonQuery() != 1)
                {
                    throw new InvalidOperationException($"Message {claimed} was not completed.");
                }

                Run("COMMIT;");
            }

            drained += ids.Count;
        }

        Drained(drained);
    }

    private static void Drained(int drained)
    {
        if (drained != Queued)
        {
            throw new InvalidOperationException($"Drained {drained} messages, expected {Queued}.");
        }
    }

    private void Open(IReadOnlyList<Migration> migrations)
    {
        _path = DatabaseFiles.NewPath("outbox-text");
        _database = new SqliteDatabase(new SqliteStoreOptions { Path = _path }, FixedClock.Benchmark, migrations);
        _store = new SqliteOutboxStore(_database);
        new SqliteMigrator(_database).MigrateAsync().AsTask().GetAwaiter().GetResult();
    }

    private void Run(string sql)
    {
        using var command = _version8!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
