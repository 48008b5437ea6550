using System.Diagnostics;
using System.Globalization;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Notifications;
using CustomerCare.PostgreSql.Tests.Infrastructure;
using NodaTime;

namespace CustomerCare.PostgreSql.Tests;

/// <summary>Two operating-system processes on one database: the guarantees hold across processes, not only across threads.</summary>
public sealed class TwoProcessTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 1, 1, 12, 0);

    [SkippableFact]
    public async Task Redeem_TwoProcessesRacingForACappedCoupon_NeverRedeemTwiceOrPastTheCap()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set; ./test.sh starts a PostgreSQL for this test.");
        await using var test = await TestDatabase.CreateAsync();
        var store = new PostgreSqlCouponStore(test.Database);
        await store.AddDefinitionAsync(new CouponDefinition("def", "Race", Discount.AmountOff(new Money(10m, Currency.TRY))));
        var code = new CouponCodeGenerator().Generate(CouponCodePattern.Default);
        Assert.Empty(await store.AddCouponsAsync([new Coupon(code, "def", At) { MaxRedemptions = 50 }]));

        var outputs = await RaceAsync(test.Schema, "redeem", code.Value);

        var wins = outputs.SelectMany(o => o).Where(l => l.StartsWith("won ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(50, wins.Length);
        Assert.Equal(wins.Length, wins.Distinct(StringComparer.Ordinal).Count());
        Assert.All(outputs, o => Assert.Contains("done", o));
        Assert.Equal(50, (await store.GetUsageAsync(code)).Active);
        Assert.Equal(50L, await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM \"{test.Schema}\".coupon_redemptions WHERE code = $1", code.Value));
    }

    [SkippableFact]
    public async Task Outbox_TwoProcessesClaimingAndCompleting_SendEveryMessageExactlyOnce()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set; ./test.sh starts a PostgreSQL for this test.");
        await using var test = await TestDatabase.CreateAsync();
        var store = new PostgreSqlOutboxStore(test.Database);
        for (var i = 0; i < 300; i++)
        {
            await store.EnqueueAsync(new OutboxMessage
            {
                Id = "m-" + i.ToString("D3", CultureInfo.InvariantCulture),
                Channel = "email",
                Recipient = "ayse@example.com.tr",
                Body = "Mesajınızı aldık.",
                EnqueuedAt = At - Duration.FromHours(1),
                DueAt = At,
                Priority = i % 3,
            });
        }

        var outputs = await RaceAsync(test.Schema, "outbox", null);

        var sent = outputs.SelectMany(o => o).Where(l => l.StartsWith("sent ", StringComparison.Ordinal)).Select(l => l[5..]).ToArray();
        Assert.Equal(300, sent.Length);
        Assert.Equal(300, sent.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(300, await store.CountAsync(OutboxStatus.Sent));
        Assert.Equal(0, await store.CountAsync(OutboxStatus.InFlight));
        Assert.All(outputs, o => Assert.Contains("done", o));
    }

    /// <summary>Starts two workers, waits until both are ready, releases them together, and returns each one's output lines.</summary>
    private static async Task<List<string>[]> RaceAsync(string schema, string mode, string? code)
    {
        var workers = new[] { "a", "b" }.Select(name => Start(schema, mode, name, code)).ToArray();
        try
        {
            foreach (var worker in workers)
            {
                Assert.Equal("ready", await worker.StandardOutput.ReadLineAsync());
            }

            foreach (var worker in workers)
            {
                await worker.StandardInput.WriteLineAsync("go");
                await worker.StandardInput.FlushAsync();
            }

            var outputs = await Task.WhenAll(workers.Select(async w =>
            {
                var lines = new List<string>();
                while (await w.StandardOutput.ReadLineAsync() is { } line)
                {
                    lines.Add(line);
                }

                var errors = await w.StandardError.ReadToEndAsync();
                await w.WaitForExitAsync();
                Assert.True(w.ExitCode == 0, $"Worker exited with {w.ExitCode}: {errors}");
                return lines;
            }));
            return outputs;
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited)
                {
                    worker.Kill();
                }

                worker.Dispose();
            }
        }
    }

    private static Process Start(string schema, string mode, string name, string? code)
    {
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = baseDirectory.Parent!.Name;
        var worker = Path.GetFullPath(Path.Combine(baseDirectory.FullName, "..", "..", "..", "..", "CustomerCare.PostgreSql.Worker", "bin", configuration, baseDirectory.Name, "CustomerCare.PostgreSql.Worker.dll"));
        Assert.True(File.Exists(worker), $"The worker was not built at {worker}.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string?[])[worker, mode, TestDatabase.RequiredConnectionString, schema, name, code])
        {
            if (argument is not null)
            {
                start.ArgumentList.Add(argument);
            }
        }

        return Process.Start(start)!;
    }
}
