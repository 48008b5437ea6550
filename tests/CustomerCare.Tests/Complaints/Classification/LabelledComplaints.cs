using System.Text.Json;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Classification;
using CustomerCare.Customers;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Complaints.Classification;

/// <summary>One hand-labelled complaint or feedback text.</summary>
internal sealed record LabelledComplaint(string Id, string Language, ComplaintCategory Category, Sentiment Sentiment, string Text)
{
    public Locale Locale => Locale.Parse(Language == "tr" ? "tr-TR" : "en-GB");

    public ComplaintLanguage ComplaintLanguage => Language == "tr" ? ComplaintLanguage.Turkish : ComplaintLanguage.English;
}

/// <summary>
/// The labelled set in <c>Data/</c>: a development part the lexicons were tuned on and a held-out part they were not.
/// </summary>
internal static class LabelledComplaints
{
    public static IReadOnlyList<LabelledComplaint> Development { get; } = Load("complaints.dev.jsonl");

    public static IReadOnlyList<LabelledComplaint> HeldOut { get; } = Load("complaints.heldout.jsonl");

    public static IReadOnlyList<LabelledComplaint> All { get; } = [.. Development, .. HeldOut];

    private static List<LabelledComplaint> Load(string file)
    {
        var path = RepositoryPaths.Combine("tests", "CustomerCare.Tests", "Complaints", "Classification", "Data", file);
        var rows = new List<LabelledComplaint>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            rows.Add(new LabelledComplaint(
                root.GetProperty("id").GetString() ?? throw new InvalidDataException($"{file}({line}): id is missing"),
                root.GetProperty("language").GetString() ?? throw new InvalidDataException($"{file}({line}): language is missing"),
                Enum.Parse<ComplaintCategory>(root.GetProperty("category").GetString()!),
                Enum.Parse<Sentiment>(root.GetProperty("sentiment").GetString()!),
                root.GetProperty("text").GetString() ?? throw new InvalidDataException($"{file}({line}): text is missing")));
        }

        return rows;
    }
}
