using System.Globalization;
using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Privacy.Audit;
using NodaTime;
using Npgsql;

namespace CustomerCare.PostgreSql.Tests;

/// <summary>Someone with database rights changes the log around the store; the chain shows where.</summary>
public sealed class AuditTamperingTests : IAsyncLifetime
{
    private static readonly Instant At = Instant.FromUtc(2027, 4, 1, 8, 0);
    private TestDatabase? _database;

    public async Task InitializeAsync()
    {
        if (TestDatabase.ConnectionString is not null)
        {
            _database = await TestDatabase.CreateAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task TheTrigger_RefusesUpdate()
    {
        var schema = await FillAsync(3);

        var error = await Assert.ThrowsAsync<PostgresException>(() => TestDatabase.ScalarAsync<object>($"UPDATE \"{schema}\".audit_log SET details = 'x' WHERE sequence = 2"));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ChangedDetails_AreFoundAtTheirEntry()
    {
        var schema = await FillAsync(5);

        await TestDatabase.ScalarAsync<object>($"ALTER TABLE \"{schema}\".audit_log DISABLE TRIGGER audit_log_no_change; UPDATE \"{schema}\".audit_log SET details = 'status Closed -> New' WHERE sequence = 3");
        var result = await VerifyAsync();

        Assert.Equal((false, 3L), (result.IsValid, result.BrokenAt));
    }

    [SkippableFact]
    public async Task ADeletedRow_IsFoundAsAGap()
    {
        var schema = await FillAsync(5);

        await TestDatabase.ScalarAsync<object>($"ALTER TABLE \"{schema}\".audit_log DISABLE TRIGGER audit_log_no_change; DELETE FROM \"{schema}\".audit_log WHERE sequence = 4");
        var result = await VerifyAsync();

        Assert.Equal((false, 4L), (result.IsValid, result.BrokenAt));
    }

    [SkippableFact]
    public async Task SwappedRows_AreFound()
    {
        var schema = await FillAsync(5);

        await TestDatabase.ScalarAsync<object>(
            $"ALTER TABLE \"{schema}\".audit_log DISABLE TRIGGER audit_log_no_change; UPDATE \"{schema}\".audit_log SET sequence = -2 WHERE sequence = 2; "
            + $"UPDATE \"{schema}\".audit_log SET sequence = 2 WHERE sequence = 3; UPDATE \"{schema}\".audit_log SET sequence = 3 WHERE sequence = -2");
        var result = await VerifyAsync();

        Assert.Equal((false, 2L), (result.IsValid, result.BrokenAt));
    }

    private async Task<string> FillAsync(int count)
    {
        Skip.If(_database is null, $"{TestDatabase.Variable} is not set: no PostgreSQL server to test against.");
        var log = new PostgreSqlAuditLog(_database!.Database);
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync(new AuditRecord(At + Duration.FromMinutes(i), "staff-" + i.ToString(CultureInfo.InvariantCulture), AuditActionKind.ComplaintStaffAction, "complaint:C-1", "assigned"));
        }

        Assert.True(AuditChain.Verify(await log.ReadAsync(1, 100)).IsValid);
        return _database.Schema;
    }

    private async Task<AuditVerification> VerifyAsync() =>
        AuditChain.Verify(await new PostgreSqlAuditLog(_database!.Database).ReadAsync(1, 1000));
}
