using System.Diagnostics;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.PostgreSql.Tests.Infrastructure;
using NodaTime;
using Npgsql;

namespace CustomerCare.PostgreSql.Tests;

[CollectionDefinition(nameof(ServerRestarts), DisableParallelization = true)]
public sealed class ServerRestarts;

/// <summary>Faults: a killed connection and a restarted server are retried; a permanent error is a clear exception.</summary>
[Collection(nameof(ServerRestarts))]
public sealed class FaultTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 1, 1, 12, 0);

    [SkippableFact]
    public async Task Reserve_WhileItsConnectionsAreKilled_IsRetried_AndTheCountsStayExact()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var (store, code) = await CappedCouponAsync(test, cap: 1000);
        // The store's connections say who they are, so only they are killed.
        await using var named = new PostgreSqlDatabase(new PostgreSqlStoreOptions
        {
            ConnectionString = TestDatabase.RequiredConnectionString + ";Application Name=cc-fault-" + test.Schema,
            Schema = test.Schema,
        });
        var victim = new PostgreSqlCouponStore(named);

        var results = new List<RedemptionOutcome>();
        var killed = 0L;
        for (var i = 0; i < 60; i++)
        {
            if (i % 10 == 5)
            {
                killed += await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) k", "cc-fault-" + test.Schema);
            }

            results.Add((await victim.ReserveAsync(Request(code, i))).Outcome);
        }

        Assert.True(killed > 0, "No connection of the store was killed, so nothing was tested.");
        Assert.All(results, outcome => Assert.True(outcome is RedemptionOutcome.Done or RedemptionOutcome.AlreadyDone, $"Outcome {outcome}"));
        Assert.Equal(60, (await store.GetUsageAsync(code)).Active);
        Assert.Equal(60L, await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM \"{test.Schema}\".coupon_redemptions"));
    }

    [SkippableFact]
    public async Task Reserve_AcrossAServerRestart_IsRetried_AndNothingIsLostOrDoubled()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        var bin = Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_PG_BIN");
        var data = Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_PG_DATA");
        Skip.If(string.IsNullOrEmpty(bin) || string.IsNullOrEmpty(data), "CUSTOMERCARE_TEST_PG_BIN and CUSTOMERCARE_TEST_PG_DATA are not set, so the server cannot be restarted.");
        await using var test = await TestDatabase.CreateAsync(o => o.MaxAttempts = 12);
        var (store, code) = await CappedCouponAsync(test, cap: 1000);

        var work = Task.Run(async () =>
        {
            var outcomes = new List<RedemptionOutcome>();
            for (var i = 0; i < 80; i++)
            {
                outcomes.Add((await store.ReserveAsync(Request(code, i))).Outcome);
            }

            return outcomes;
        });
        await RestartServerAsync(bin!, data!);
        var results = await work;

        Assert.All(results, outcome => Assert.True(outcome is RedemptionOutcome.Done or RedemptionOutcome.AlreadyDone, $"Outcome {outcome}"));
        Assert.Equal(80, (await store.GetUsageAsync(code)).Active);
        Assert.Equal(80L, await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM \"{test.Schema}\".coupon_redemptions"));
    }

    [SkippableFact]
    public async Task MissingDatabase_IsAClearPermanentError_NamingTheDatabase()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.RequiredConnectionString) { Database = "no_such_database_here" }.ConnectionString;
        await using var database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = connection, MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<PostgreSqlStoreException>(() => new PostgreSqlOutboxStore(database).CountAsync(Notifications.OutboxStatus.Pending).AsTask());

        Assert.Equal("3D000", error.SqlState);
        Assert.Contains("database 'no_such_database_here'", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UnknownUser_IsAClearPermanentError_WithoutThePassword()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.RequiredConnectionString) { Username = "nobody_here", Password = "s3cret-Pa55" }.ConnectionString;
        await using var database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = connection, MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<PostgreSqlStoreException>(() => new PostgreSqlOutboxStore(database).CountAsync(Notifications.OutboxStatus.Pending).AsTask());

        Assert.Contains("user 'nobody_here'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(PostgreSqlCouponStore Store, CouponCode Code)> CappedCouponAsync(TestDatabase test, long cap)
    {
        var store = new PostgreSqlCouponStore(test.Database);
        await store.AddDefinitionAsync(new CouponDefinition("def", "Fault", Discount.AmountOff(new Money(10m, Currency.TRY))));
        var code = new CouponCodeGenerator().Generate(CouponCodePattern.Default);
        Assert.Empty(await store.AddCouponsAsync([new Coupon(code, "def", At) { MaxRedemptions = cap }]));
        return (store, code);
    }

    private static RedemptionRequest Request(CouponCode code, int i) =>
        new(code, OrderId.From("o-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), CustomerId.From("c-1"), new Money(10m, Currency.TRY), At);

    private static async Task RestartServerAsync(string bin, string data)
    {
        // -l sends the new server's output to a file: a server holding our pipes would keep this test waiting forever.
        var pgCtl = $"{bin}/pg_ctl -D '{data}' -l '{data}/restart.log' -m fast -w restart > /dev/null 2>&1";
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("su") { ArgumentList = { "postgres", "-s", "/bin/sh", "-c", pgCtl } }
            : new ProcessStartInfo("sh") { ArgumentList = { "-c", pgCtl } };
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_ctl restart failed with exit code {process.ExitCode}; see {data}/restart.log.");
    }
}
