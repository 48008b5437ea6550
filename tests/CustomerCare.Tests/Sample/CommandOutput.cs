using System.Text.Json;

namespace CustomerCare.Tests.Sample;

/// <summary>What one command line wrote and returned.</summary>
public sealed record CommandOutput(int ExitCode, string Out, string Error)
{
    public JsonElement Json()
    {
        // The whole of standard output must be one JSON document: nothing before it, nothing after it.
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }
}
