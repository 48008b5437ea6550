using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace CustomerCare.Packaging.Tests;

/// <summary>
/// Packs the library and the SQLite plugin with <c>dotnet pack</c>, then restores, builds and runs a console application
/// that knows them only as NuGet packages from a folder. Filter with <c>--filter Category=Packaging</c>.
/// </summary>
public sealed class PackageConsumptionTests : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);
    private static readonly string[] PackedProjects = ["CustomerCare", "CustomerCare.Sqlite"];

    private readonly string _work = Directory.CreateTempSubdirectory("customercare-packaging-").FullName;

    // A version no earlier run used, so the global NuGet cache can never answer with a stale copy.
    private readonly string _version = "0.1.0-pkgtest.g" + Guid.NewGuid().ToString("N");

    [Fact]
    [Trait("Category", "Packaging")]
    public async Task PackedPackages_RestoredFromAFolderIntoAConsoleApp_RunTheQuickStartOnSqlite()
    {
        var root = RepositoryRoot();
        var packages = Directory.CreateDirectory(Path.Combine(_work, "packages")).FullName;
        var build = Path.Combine(_work, "build");

        foreach (var project in PackedProjects)
        {
            // The artifacts layout under the temporary folder keeps this build out of src/*/bin and src/*/obj, which the
            // solution build and the other test assemblies use at the same time.
            var pack = await DotNetCli.RunAsync(root, CommandTimeout,
                "pack", Path.Combine("src", project, project + ".csproj"), "-c", "Release", "-o", packages, "-nologo", "-nodeReuse:false",
                "-p:Version=" + _version, "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + build);
            Assert.True(pack.ExitCode == 0, pack.Describe());
            AssertPackageContents(packages, project);
        }

        var app = Directory.CreateDirectory(Path.Combine(_work, "app")).FullName;
        await WriteConsoleAppAsync(root, app, packages);

        var database = Path.Combine(_work, "customercare.db");
        var run = await DotNetCli.RunAsync(app, CommandTimeout, "run", "-c", "Release", "-nodeReuse:false", "--", database);

        Assert.True(run.ExitCode == 0, run.Describe());
        var result = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(ConsoleConsumer.ResultPrefix, StringComparison.Ordinal)).ToList();
        Assert.True(result.Count == 1, run.Describe());
        Assert.Equal("RESULT c-1001 orders=1 spend=1249.90 TRY", result[0]);
        AssertRestoredAsPackages(app);
    }

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        // The unique version's copies in the global cache are of no use to anyone after this run.
        var globalPackages = GlobalPackagesFolder();
        foreach (var project in PackedProjects)
        {
            var copy = Path.Combine(globalPackages, project.ToLowerInvariant(), _version);
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    private void AssertPackageContents(string packages, string project)
    {
        var nupkg = Path.Combine(packages, $"{project}.{_version}.nupkg");
        var snupkg = Path.Combine(packages, $"{project}.{_version}.snupkg");
        Assert.True(File.Exists(nupkg), nupkg + " was not created");
        Assert.True(File.Exists(snupkg), snupkg + " was not created");

        using (var package = ZipFile.OpenRead(nupkg))
        {
            var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("README.md", entries);
            Assert.Contains($"lib/net10.0/{project}.dll", entries);
            Assert.Contains($"lib/net10.0/{project}.xml", entries);
            Assert.DoesNotContain(entries, e => e.EndsWith(".runtimeconfig.json", StringComparison.Ordinal));

            XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
            using var nuspecStream = package.GetEntry(project + ".nuspec")!.Open();
            var metadata = XDocument.Load(nuspecStream).Root!.Element(ns + "metadata")!;
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value), project + " has no description");
            var repository = metadata.Element(ns + "repository");
            Assert.NotNull(repository);
            Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);
        }

        using var symbols = ZipFile.OpenRead(snupkg);
        var pdb = symbols.GetEntry($"lib/net10.0/{project}.pdb");
        Assert.NotNull(pdb);
        using var pdbStream = pdb.Open();
        using var pdbBytes = new MemoryStream();
        pdbStream.CopyTo(pdbBytes);
        // The source link map is stored as plain JSON in the portable pdb.
        var text = Encoding.UTF8.GetString(pdbBytes.ToArray());
        Assert.Contains("{\"documents\":{", text, StringComparison.Ordinal);
        Assert.Contains("https://raw.githubusercontent.com/", text, StringComparison.Ordinal);
    }

    private async Task WriteConsoleAppAsync(string root, string app, string packages)
    {
        // Run where the repository's own NuGet.config, if any, would apply: the same sources the solution restores from.
        var sources = await DotNetCli.RunAsync(root, CommandTimeout, "nuget", "list", "source", "--format", "short");
        Assert.True(sources.ExitCode == 0, sources.Describe());
        var machineSources = sources.Output.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("E ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();
        Assert.True(machineSources.Count > 0, sources.Describe());

        var dependencyInjection = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "Microsoft.Extensions.DependencyInjection").Attribute("Version")!.Value;

        // Empty build files stop any Directory.Build.* or central versions above the temporary folder from leaking in.
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Build.props"), "<Project />\n");
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Build.targets"), "<Project />\n");
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Packages.props"), "<Project />\n");
        await File.WriteAllTextAsync(Path.Combine(app, "NuGet.config"), ConsoleConsumer.NuGetConfig(packages, machineSources));
        await File.WriteAllTextAsync(Path.Combine(app, "PackageConsumer.csproj"), ConsoleConsumer.ProjectFile(_version, dependencyInjection));
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), ConsoleConsumer.Program);
    }

    private void AssertRestoredAsPackages(string app)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(app, "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("libraries");
        foreach (var project in PackedProjects)
        {
            Assert.True(libraries.TryGetProperty($"{project}/{_version}", out var library), $"{project} {_version} is not in project.assets.json");
            Assert.Equal("package", library.GetProperty("type").GetString());
        }

        Assert.DoesNotContain(libraries.EnumerateObject(), l => l.Value.GetProperty("type").GetString() == "project");
    }

    private static string GlobalPackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return string.IsNullOrEmpty(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")
            : configured;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerCare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CustomerCare.sln not found above " + AppContext.BaseDirectory);
    }
}
