using System.Text.Json;
using CustomerCare.Complaints.Classification;

namespace CustomerCare.Benchmarks.Complaints;

/// <summary>The labelled complaint texts of the test project, read from the repository, as seeds for benchmark data.</summary>
internal static class ComplaintSeeds
{
    public static List<(ComplaintLanguage Language, string Text)> Load()
    {
        var folder = FindDataFolder();
        var seeds = new List<(ComplaintLanguage, string)>();
        foreach (var file in Directory.GetFiles(folder, "complaints.*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var language = json.RootElement.GetProperty("language").GetString() == "tr" ? ComplaintLanguage.Turkish : ComplaintLanguage.English;
                seeds.Add((language, json.RootElement.GetProperty("text").GetString()!));
            }
        }

        return seeds;
    }

    private static string FindDataFolder()
    {
        // BenchmarkDotNet runs a generated copy of the project, so search upwards from both the binaries and the working folder.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "CustomerCare.Tests", "Complaints", "Classification", "Data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("tests/CustomerCare.Tests/Complaints/Classification/Data was not found above " + AppContext.BaseDirectory);
    }
}
