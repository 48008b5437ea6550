using Microsoft.Extensions.Logging;

namespace CustomerCare.Sample.Serve;

/// <summary>
/// Writes log entries as plain lines (<c>info: CustomerCare.Hosting.JobScheduler: Job outbox succeeded …</c>) to the
/// sample console's standard error, so that standard output keeps only what <c>serve</c> prints itself and a test
/// running <c>serve</c> in-process captures both.
/// </summary>
/// <remarks>Thread-safe: entries from several threads are written one whole line at a time.</remarks>
public sealed class SampleConsoleLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _writer;
    private readonly Lock _lock = new();

    /// <summary>Creates the provider.</summary>
    /// <param name="writer">Where the lines go.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public SampleConsoleLoggerProvider(TextWriter writer) => _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    private static string Short(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class LineLogger(SampleConsoleLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{Short(logLevel)}: {category}: {formatter(state, exception)}";
            provider.Write(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
