namespace CustomerCare.Sqlite.Tests.Queries;

/// <summary>A claim reads the waiting messages through their index in claim order, so it stops at its limit instead of sorting the queue.</summary>
public sealed class OutboxQueryTests
{
    [Fact]
    public async Task Claim_ReadsThePendingIndexInClaimOrder_WithoutSortingTheWaitingMessages()
    {
        await using var temp = new TempDatabase();

        var plan = await QueryPlan.StepsOfAsync(temp, SqliteOutboxStore.ClaimStatement, command =>
        {
            command.Parameters.AddWithValue("$dispatcher", "d-1");
            command.Parameters.AddWithValue("$leaseUntil", 2L);
            command.Parameters.AddWithValue("$now", 1L);
            command.Parameters.AddWithValue("$limit", 100);
        });

        Assert.Contains(plan, step => step.Contains("INDEX outbox_pending", StringComparison.Ordinal));
        // The in-flight half sorts its expired leases (at most what was claimed); the pending half must not finish its
        // order with a sort, which SQLite calls "LAST TERM" (before 3.45: "RIGHT PART") OF ORDER BY.
        Assert.DoesNotContain(plan, step => step.Contains("TERM OF ORDER BY", StringComparison.Ordinal) || step.Contains("PART OF ORDER BY", StringComparison.Ordinal));
    }
}
