using System.CommandLine;

namespace CustomerCare.Sample.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    /// <summary>Creates the <c>--json</c> switch: one JSON document on standard output and nothing else.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one machine-readable JSON document to standard output, and nothing else.",
    };
}
