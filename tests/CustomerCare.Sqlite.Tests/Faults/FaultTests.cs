using CustomerCare.Notifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Faults;

public sealed class FaultTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 22, 9, 0);

    [Fact]
    public async Task Write_WhileAnotherProcessHoldsAnExclusiveLock_IsRetriedAndSucceedsOnceItIsReleased()
    {
        await using var temp = new TempDatabase(o =>
        {
            o.BusyTimeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 100;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
        });
        var outbox = new SqliteOutboxStore(temp.Database);
        Assert.True(await outbox.EnqueueAsync(Message("before")));
        var retried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        temp.Database.Retrying = (_, _) => retried.TrySetResult();
        using var holder = ChildProcess.LockHolder(temp.Path);
        await holder.WaitForLineAsync("LOCKED");

        var write = outbox.EnqueueAsync(Message("during")).AsTask();
        await retried.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(write.IsCompleted, "The write finished while another process held the exclusive lock.");
        await holder.SendLineAsync("go");
        await holder.WaitForLineAsync("RELEASED");

        Assert.True(await write);
        Assert.Equal(2, await outbox.CountAsync(OutboxStatus.Pending));
    }

    [Fact]
    public async Task Write_WhenTheLockOutlastsEveryRetry_ThrowsConcurrencyException_AndWritesNothing()
    {
        await using var temp = new TempDatabase(o =>
        {
            o.BusyTimeout = TimeSpan.FromMilliseconds(20);
            o.MaxRetries = 1;
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
        });
        var outbox = new SqliteOutboxStore(temp.Database);
        Assert.True(await outbox.EnqueueAsync(Message("before")));
        using var holder = ChildProcess.LockHolder(temp.Path);
        await holder.WaitForLineAsync("LOCKED");

        var error = await Assert.ThrowsAsync<ConcurrencyException>(async () => await outbox.EnqueueAsync(Message("during")));
        await holder.SendLineAsync("go");
        await holder.WaitForLineAsync("RELEASED");

        Assert.Contains(temp.Path, error.Message, StringComparison.Ordinal);
        Assert.Null(await outbox.FindAsync("during"));
    }

    [Fact]
    public async Task AnyStore_OnAFileThatIsNotADatabase_IsRefusedNamingThePath()
    {
        await using var temp = new TempDatabase();
        await File.WriteAllTextAsync(temp.Path, string.Concat(Enumerable.Repeat("This is a shopping list, not a database. ", 50)));

        var error = await Assert.ThrowsAsync<SqliteDatabaseFileException>(async () => await new SqliteCustomerStore(temp.Database).FindAsync(Customers.CustomerId.From("c-1")));

        Assert.Equal((temp.Path, 26), (error.Path, error.SqliteErrorCode));
        Assert.Contains(temp.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessKilledInTheMiddleOfABatch_LeavesNoneOfTheBatch_AndTheStoreGoesOn()
    {
        await using var temp = new TempDatabase();
        using (var writer = ChildProcess.ThisAssembly("crash-writer", temp.Path, "400"))
        {
            await writer.WaitForLineAsync(Program.Committed);
            await writer.WaitForLineAsync(Program.MidBatch);
            await writer.KillAsync();
        }

        // The killed process left a hot WAL with half a transaction in it; the next connection recovers it.
        Assert.Equal("ok", RawSql.Scalar(temp.Path, "PRAGMA integrity_check;"));
        Assert.Equal(10L, RawSql.Scalar(temp.Path, "SELECT COUNT(*) FROM coupons;"));
        var store = new SqliteCouponStore(temp.Database);
        var codes = new Coupons.Codes.CouponCodeGenerator();
        var again = await store.AddCouponsAsync([.. Enumerable.Range(0, 400).Select(_ => new Coupons.Coupon(codes.Generate(Coupons.Codes.CouponCodePattern.Default), "crash", Now))]);
        Assert.Empty(again);
        Assert.Equal(410L, RawSql.Scalar(temp.Path, "SELECT COUNT(*) FROM coupons;"));
    }

    private static OutboxMessage Message(string id) => new()
    {
        Id = id,
        Channel = "email",
        Recipient = "ayse@example.com.tr",
        Body = "Mesajınızı aldık.",
        EnqueuedAt = Now,
        DueAt = Now,
    };
}
