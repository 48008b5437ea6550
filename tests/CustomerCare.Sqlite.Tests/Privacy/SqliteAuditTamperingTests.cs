using System.Globalization;
using CustomerCare.Privacy.Audit;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Privacy;

/// <summary>Someone with the database file changes the log around the store; the chain shows where.</summary>
public sealed class SqliteAuditTamperingTests : IDisposable
{
    private static readonly Instant At = Instant.FromUtc(2027, 4, 1, 8, 0);
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task TheTriggers_RefuseUpdateAndDelete()
    {
        await FillAsync(3);

        var update = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync("UPDATE audit_log SET details = 'x' WHERE sequence = 2;"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync("DELETE FROM audit_log WHERE sequence = 2;"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedDetails_AreFoundAtTheirEntry()
    {
        await FillAsync(5);

        await ExecuteAsync("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = 'status Closed -> New' WHERE sequence = 3;");
        var result = await VerifyAsync();

        Assert.Equal((false, 3L), (result.IsValid, result.BrokenAt));
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeletedRow_IsFoundAsAGap()
    {
        await FillAsync(5);

        await ExecuteAsync("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE sequence = 2;");
        var result = await VerifyAsync();

        Assert.Equal((false, 2L), (result.IsValid, result.BrokenAt));
        Assert.Contains("missing", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwappedRows_AreFound()
    {
        await FillAsync(5);

        await ExecuteAsync("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET sequence = -2 WHERE sequence = 2; UPDATE audit_log SET sequence = 2 WHERE sequence = 3; UPDATE audit_log SET sequence = 3 WHERE sequence = -2;");
        var result = await VerifyAsync();

        Assert.Equal((false, 2L), (result.IsValid, result.BrokenAt));
    }

    [Fact]
    public async Task AnUntouchedLog_Verifies_AndSurvivesReopening()
    {
        await FillAsync(5);

        var reopened = new SqliteAuditLog(_database.Reopen());
        var entry = await reopened.AppendAsync(new AuditRecord(At, "dpo", AuditActionKind.Export, "customer:c-1", "exported"));

        Assert.Equal(6, entry.Sequence);
        Assert.True((await VerifyAsync()).IsValid);
    }

    private async Task FillAsync(int count)
    {
        var log = new SqliteAuditLog(_database.Database);
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync(new AuditRecord(At + Duration.FromMinutes(i), "staff-" + i.ToString(CultureInfo.InvariantCulture), AuditActionKind.ComplaintStaffAction, "complaint:C-1", "assigned"));
        }
    }

    private async Task<AuditVerification> VerifyAsync() =>
        AuditChain.Verify(await new SqliteAuditLog(_database.Database).ReadAsync(1, 1000));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _database.Dispose();
}
