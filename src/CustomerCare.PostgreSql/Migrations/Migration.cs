using System.Globalization;
using System.Reflection;

namespace CustomerCare.PostgreSql.Migrations;

/// <summary>One versioned schema change: an embedded <c>Migrations/NNNN_description.sql</c> script.</summary>
/// <param name="Version">The version the schema is at after it.</param>
/// <param name="Description">What it does, from the file name.</param>
/// <param name="Sql">The script; <c>{s}</c> stands for the quoted schema.</param>
internal sealed record Migration(int Version, string Description, string Sql)
{
    /// <summary>The migrations embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = Load();

    private static Migration[] Load()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal)))
        {
            var file = Path.GetFileNameWithoutExtension(name["Migrations/".Length..]);
            var separator = file.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(file[..separator], NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, file[(separator + 1)..].Replace('_', ' '), reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Embedded migration '{migrations[i].Version}' breaks the sequence 1, 2, 3…");
            }
        }

        return [.. migrations];
    }
}
