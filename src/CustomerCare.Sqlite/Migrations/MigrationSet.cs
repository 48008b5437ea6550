using System.Globalization;
using System.Reflection;

namespace CustomerCare.Sqlite.Migrations;

/// <summary>The migrations embedded in this assembly: <c>Migrations/NNNN_description.sql</c>, in version order.</summary>
internal static class MigrationSet
{
    private const string Prefix = "CustomerCare.Sqlite.Migrations.";

    public static IReadOnlyList<Migration> Embedded { get; } = Load();

    private static Migration[] Load()
    {
        var assembly = typeof(MigrationSet).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(m => m.Version)
            .ToArray();
        for (var i = 0; i < migrations.Length; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Embedded migration {migrations[i].Version} ({migrations[i].Description}) is out of sequence: expected version {i + 1}.");
            }
        }

        return migrations;
    }

    private static Migration Read(Assembly assembly, string resource)
    {
        var file = resource[Prefix.Length..^".sql".Length];
        var separator = file.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(file[..separator], NumberStyles.None, CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, file[(separator + 1)..].Replace('_', ' '), reader.ReadToEnd());
    }
}
