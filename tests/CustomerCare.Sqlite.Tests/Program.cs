using System.Globalization;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Testing;

namespace CustomerCare.Sqlite.Tests;

/// <summary>
/// The entry point of this assembly when it runs as a child process (<c>dotnet exec CustomerCare.Sqlite.Tests.dll
/// crash-writer …</c>): it writes through the real store and stops in the middle of a batch, to be killed there.
/// </summary>
public static class Program
{
    public const string Committed = "COMMITTED";
    public const string MidBatch = "MID-BATCH";

    public static int Main(string[] args)
    {
        if (args is not ["crash-writer", var path, var size])
        {
            Console.Error.WriteLine("usage: crash-writer <database> <batch size>");
            return 2;
        }

        var batchSize = int.Parse(size, CultureInfo.InvariantCulture);
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = path }, TestClocks.AtUtc(2026, 11, 22));
        var store = new SqliteCouponStore(database);
        var at = TestClocks.AtUtc(2026, 11, 22).GetCurrentInstant();
        store.AddDefinitionAsync(new CouponDefinition("crash", "Crash", Discount.PercentOff(10))).AsTask().GetAwaiter().GetResult();
        var codes = new CouponCodeGenerator();
        var first = store.AddCouponsAsync([.. Enumerable.Range(0, 10).Select(_ => new Coupon(codes.Generate(CouponCodePattern.Default), "crash", at))]).AsTask().GetAwaiter().GetResult();
        if (first.Count != 0)
        {
            return 3;
        }

        Console.Out.WriteLine(Committed);
        database.BatchRowWritten = row =>
        {
            if (row == batchSize / 2)
            {
                Console.Out.WriteLine(MidBatch);
                Console.Out.Flush();
                // Holding the open transaction until the parent kills the process.
                Thread.Sleep(Timeout.Infinite);
            }
        };
        store.AddCouponsAsync([.. Enumerable.Range(0, batchSize).Select(_ => new Coupon(codes.Generate(CouponCodePattern.Default), "crash", at))]).AsTask().GetAwaiter().GetResult();
        return 4;
    }
}
