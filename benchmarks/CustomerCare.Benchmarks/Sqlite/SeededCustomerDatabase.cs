using System.Security.Cryptography;
using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Sqlite;
using NodaTime;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// The SQLite file holding <see cref="CustomerPopulation.Shared"/>, written once and reused by every benchmark process
/// built from the same code.
/// </summary>
/// <remarks>
/// <para>
/// BenchmarkDotNet runs each benchmark case in its own process, and each runs the global setup again; importing a
/// million customers every time would cost minutes. So the file is named after the build of the libraries and of the
/// population (their module version ids, which deterministic builds derive from the code), seeded when missing and
/// marked complete only after the seed committed. A file from another build is deleted when a new one is seeded.
/// </para>
/// <para>
/// The seed goes through <see cref="SqliteCustomerStore.CommitAsync"/> in batches of
/// <see cref="CustomerPopulation.BatchSize"/>, with <c>synchronous=OFF</c>: a crash while seeding leaves no marker, so the
/// file is seeded again. Readers open it with the default options (WAL, <c>synchronous=NORMAL</c>).
/// </para>
/// <para>Not thread-safe; benchmark setups call it from one thread.</para>
/// </remarks>
public static class SeededCustomerDatabase
{
    private const string Prefix = "customers-";

    /// <summary>The seeded file's path, seeding it first when this build has not yet.</summary>
    /// <returns>The path of a complete database of <see cref="CustomerPopulation.Count"/> customers.</returns>
    public static async Task<string> PathAsync()
    {
        var key = Convert.ToHexString(SHA256.HashData(
            typeof(Customer).Assembly.ManifestModule.ModuleVersionId.ToByteArray()
                .Concat(typeof(SqliteCustomerStore).Assembly.ManifestModule.ModuleVersionId.ToByteArray())
                .Concat(typeof(CustomerPopulation).Assembly.ManifestModule.ModuleVersionId.ToByteArray())
                .ToArray()))[..16];
        var path = Path.Combine(DatabaseFiles.Folder, $"{Prefix}{CustomerPopulation.Count}-{key}.db");
        var marker = path + ".complete";
        if (File.Exists(marker) && File.Exists(path) && await CountAsync(path) == CustomerPopulation.Count)
        {
            return path;
        }

        foreach (var stale in Directory.EnumerateFiles(DatabaseFiles.Folder, Prefix + "*"))
        {
            File.Delete(stale);
        }

        using (var database = new SqliteDatabase(new SqliteStoreOptions { Path = path, Synchronous = SqliteSynchronousMode.Off }, FixedClock.Benchmark))
        {
            await CustomerPopulation.Shared.ImportIntoAsync(new SqliteCustomerStore(database));
        }

        await File.WriteAllTextAsync(marker, CustomerPopulation.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path;
    }

    private static async Task<long> CountAsync(string path)
    {
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = path }, FixedClock.Benchmark);
        return await new SqliteCustomerStore(database).CountAsync(new Specification<Customer>());
    }
}
