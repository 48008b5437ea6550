using BenchmarkDotNet.Attributes;
using CustomerCare.Notifications;
using CustomerCare.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// Claiming and completing a queue of <see cref="Queued"/> messages all due at one instant, as a day's notices are, in
/// claims of <see cref="ClaimSize"/> (the dispatcher's default batch), one invocation draining the whole queue.
/// <see cref="ClaimOrderIndex"/> is the store as it is (migration 0008: <c>outbox_pending</c> ends with the id, the
/// claim's last sort key); <see cref="DueTimeIndex"/> is the same file with the index as it was before (ending at the
/// due time), the baseline. Mean is per message.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class SqliteOutboxClaimBenchmarks
{
    /// <summary>How many messages wait when an invocation starts.</summary>
    public const int Queued = 10_000;

    /// <summary>How many messages one claim takes.</summary>
    public const int ClaimSize = 100;

    private static readonly Instant Now = FixedClock.Benchmark.GetCurrentInstant();
    private SqliteDatabase? _database;
    private SqliteOutboxStore _store = null!;
    private string? _path;
    private int _round;

    /// <summary>A new file with the current schema.</summary>
    [GlobalSetup(Target = nameof(ClaimOrderIndex))]
    public void SetupClaimOrder() => Setup(previousIndex: false);

    /// <summary>A new file whose pending index is put back as it was before migration 0008.</summary>
    [GlobalSetup(Target = nameof(DueTimeIndex))]
    public void SetupDueTime() => Setup(previousIndex: true);

    /// <summary>Queues <see cref="Queued"/> messages due now, outside the measurement.</summary>
    [IterationSetup]
    public void Enqueue()
    {
        _round++;
        for (var i = 0; i < Queued; i++)
        {
            var message = new OutboxMessage
            {
                Id = $"r{_round:D3}-m{(i * 7_919) % Queued:D5}",
                Channel = "email",
                Recipient = "ayse@example.com.tr",
                Subject = "Siparişiniz yola çıktı",
                Body = new string('ş', 1_500),
                EnqueuedAt = Now,
                DueAt = Now,
            };
            if (!_store.EnqueueAsync(message).AsTask().GetAwaiter().GetResult())
            {
                throw new InvalidOperationException($"Message {message.Id} was not queued.");
            }
        }
    }

    /// <summary>Closes and deletes the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        if (_path is not null)
        {
            DatabaseFiles.Delete(_path);
        }
    }

    /// <summary>Drains the queue with the current index.</summary>
    [Benchmark(OperationsPerInvoke = Queued)]
    public Task ClaimOrderIndex() => DrainAsync();

    /// <summary>Drains the queue with the index as it was before migration 0008 (the baseline).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Queued)]
    public Task DueTimeIndex() => DrainAsync();

    private void Setup(bool previousIndex)
    {
        _path = DatabaseFiles.NewPath("outbox");
        _database = new SqliteDatabase(new SqliteStoreOptions { Path = _path }, FixedClock.Benchmark);
        _store = new SqliteOutboxStore(_database);
        _store.CountAsync(OutboxStatus.Pending).AsTask().GetAwaiter().GetResult();
        if (previousIndex)
        {
            using var connection = new SqliteConnection(_database.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP INDEX outbox_pending; CREATE INDEX outbox_pending ON outbox (priority DESC, due_at) WHERE status = 'Pending';";
            command.ExecuteNonQuery();
        }
    }

    private async Task DrainAsync()
    {
        var drained = 0;
        while (true)
        {
            var claimed = await _store.ClaimDueAsync(Now, "bench", Duration.FromMinutes(5), ClaimSize);
            if (claimed.Count == 0)
            {
                break;
            }

            foreach (var message in claimed)
            {
                await _store.CompleteAsync(message with { Status = OutboxStatus.Sent, SentAt = Now, Attempts = 1 }, "bench");
            }

            drained += claimed.Count;
        }

        if (drained != Queued)
        {
            throw new InvalidOperationException($"Drained {drained} messages, expected {Queued}.");
        }
    }
}
