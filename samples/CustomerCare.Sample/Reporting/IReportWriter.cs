using CustomerCare.Sample.Simulation;

namespace CustomerCare.Sample.Reporting;

/// <summary>Shows a simulation run and a store report to a person.</summary>
public interface IReportWriter
{
    /// <summary>Shows what a simulation sent and how the library answered.</summary>
    /// <param name="result">The run.</param>
    void WriteSimulation(SimulationResult result);

    /// <summary>Shows the store report.</summary>
    /// <param name="report">The report.</param>
    void WriteReport(StoreReport report);

    /// <summary>Picks tables for a terminal and plain text when output is redirected.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The writer.</returns>
    static IReportWriter For(SampleConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.IsInteractive ? new TableReportWriter(console.Ansi) : new PlainTextReportWriter(console.Out);
    }
}
