using Spectre.Console;

namespace CustomerCare.Sample;

/// <summary>
/// Where a command writes: standard output for results, standard error for errors, and whether output goes to a
/// terminal (Spectre.Console tables and a progress bar) or is redirected (plain text lines that read well in CI logs).
/// </summary>
public sealed class SampleConsole
{
    private IAnsiConsole? _ansi;

    /// <summary>Creates a console over two writers.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="isInteractive">Whether <paramref name="output"/> is a terminal.</param>
    public SampleConsole(TextWriter output, TextWriter error, bool isInteractive)
    {
        Out = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        IsInteractive = isInteractive;
    }

    /// <summary>Standard output: reports and JSON documents.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: errors and rejected events.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether standard output is a terminal, so rich output is wanted.</summary>
    public bool IsInteractive { get; }

    /// <summary>A Spectre.Console console writing to <see cref="Out"/>; meant for interactive output.</summary>
    public IAnsiConsole Ansi => _ansi ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = IsInteractive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = IsInteractive ? InteractionSupport.Detect : InteractionSupport.No,
    });

    /// <summary>The process console: rich when standard output is a terminal, plain when it is redirected.</summary>
    /// <returns>The console.</returns>
    public static SampleConsole FromSystemConsole() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);
}
