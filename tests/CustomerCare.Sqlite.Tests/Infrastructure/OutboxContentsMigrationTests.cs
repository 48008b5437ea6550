using CustomerCare.Notifications;
using CustomerCare.Sqlite.Migrations;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

/// <summary>Migration 0009 moves each message's body and metadata out of the outbox row, which claims and outcomes update.</summary>
public sealed class OutboxContentsMigrationTests
{
    [Fact]
    public async Task Migrate_FromVersion8_KeepsEveryMessageWhole_AndTheRebuiltRowHoldsNoText()
    {
        await using var temp = new TempDatabase();
        using (var version8 = new SqliteDatabase(temp.Options, TestClocks.AtUtc(2026, 11, 22), [.. MigrationSet.Embedded.Take(8)]))
        {
            Assert.Equal(8, await new SqliteMigrator(version8).MigrateAsync());
        }

        // Written as version 8 stored it: the text in the row.
        RawSql.Execute(temp.Path, """
            INSERT INTO outbox (id, channel, recipient, subject, body, content_type, metadata, kind, priority, customer_id, enqueued_at, due_at, status, attempts)
            VALUES ('m-1', 'email', 'ayşe@örnek.com.tr', 'Siparişiniz yolda', 'Merhaba Ayşe, ''kargo'' %_\ yolda.', 'text/html', '{"text":"Merhaba Ayşe"}', 'Transactional', 0, 'C-1', 1000000, 1000000, 'Pending', 0);
            """);
        using var reopened = temp.Reopen();
        var store = new SqliteOutboxStore(reopened);

        var found = await store.FindAsync("m-1");
        var claimed = await store.ClaimDueAsync(Instant.FromUnixTimeSeconds(2_000_000), "d-1", Duration.FromMinutes(5), 10);

        Assert.NotNull(found);
        Assert.Equal(("Merhaba Ayşe, 'kargo' %_\\ yolda.", "Merhaba Ayşe", "Siparişiniz yolda"), (found.Body, found.Metadata["text"], found.Subject));
        var one = Assert.Single(claimed);
        Assert.Equal((found.Body, found.Metadata["text"], found.Subject, OutboxStatus.InFlight), (one.Body, one.Metadata["text"], one.Subject, one.Status));
        Assert.Equal(MigrationSet.Embedded.Count, await new SqliteMigrator(reopened).GetVersionAsync());
        Assert.Empty(RawSql.Strings(temp.Path, "SELECT name FROM pragma_table_info('outbox') WHERE name IN ('body', 'metadata');"));
        Assert.Equal(
            ["outbox_customer", "outbox_in_flight", "outbox_pending", "outbox_status"],
            RawSql.Strings(temp.Path, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND name NOT LIKE 'sqlite_%' ORDER BY name;"));
    }

    [Fact]
    public async Task ClaimAndComplete_DoNotWriteTheMessagesTextAgain()
    {
        await using var temp = new TempDatabase();
        var store = new SqliteOutboxStore(temp.Database);
        var now = Instant.FromUtc(2026, 11, 22, 9, 0);
        var message = new OutboxMessage { Id = "m-1", Channel = "email", Recipient = "ayse@example.com", Body = new string('ş', 20_000), EnqueuedAt = now, DueAt = now };
        Assert.True(await store.EnqueueAsync(message));
        RawSql.Execute(temp.Path, """
            CREATE TABLE text_writes (id TEXT);
            CREATE TRIGGER text_updated AFTER UPDATE ON outbox_contents BEGIN INSERT INTO text_writes VALUES (old.id); END;
            CREATE TRIGGER text_deleted AFTER DELETE ON outbox_contents BEGIN INSERT INTO text_writes VALUES (old.id); END;
            """);

        var claimed = (await store.ClaimDueAsync(now, "d-1", Duration.FromMinutes(5), 10)).Single();
        Assert.True(await store.CompleteAsync(claimed with { Status = OutboxStatus.Sent, SentAt = now, Attempts = 1 }, "d-1"));

        Assert.Equal(0L, RawSql.Scalar(temp.Path, "SELECT COUNT(*) FROM text_writes;"));
        var sent = await store.FindAsync("m-1");
        Assert.Equal((OutboxStatus.Sent, message.Body), (sent!.Status, sent.Body));
        Assert.Equal(message.Body, claimed.Body);
    }
}
