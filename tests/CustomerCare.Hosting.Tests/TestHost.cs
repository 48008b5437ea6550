using System.Collections.Concurrent;
using CustomerCare.Channels;
using CustomerCare.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Hosting.Tests;

/// <summary>A generic host with the library, an e-mail channel kept in memory, and the jobs on a fake clock, triggered by the test.</summary>
internal static class TestHost
{
    public static IHost Build(FakeClock clock, Action<ICustomerCareBuilder>? care = null, Action<HostedJobsOptions>? jobs = null, LogSink? logs = null, Action<IServiceCollection>? services = null, bool emailChannel = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IClock>(clock);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Debug));
        if (logs is not null)
        {
            builder.Services.AddSingleton<ILoggerProvider>(logs);
        }

        services?.Invoke(builder.Services);
        if (emailChannel)
        {
            builder.Services.TryAddEmailChannel();
        }
        var customerCare = builder.Services.AddCustomerCare(o => o.DefaultTimeZone = "Europe/Istanbul");
        care?.Invoke(customerCare);
        customerCare.AddHostedJobs(o =>
        {
            o.RunInBackground = false;
            jobs?.Invoke(o);
        });
        builder.Services.AddHealthChecks().AddCustomerCareHealthChecks(timeout: TimeSpan.FromSeconds(30));
        return builder.Build();
    }

    public static JobScheduler Scheduler(this IHost host) => host.Services.GetRequiredService<JobScheduler>();

    public static InMemoryOutboundChannel Email(this IHost host) => host.Services.GetRequiredService<InMemoryOutboundChannel>();

    /// <summary>Turns every built-in job off, so a test schedules only the ones it is about.</summary>
    public static void OnlyBuiltIn(this HostedJobsOptions options, params string[] jobs)
    {
        options.Campaigns.Enabled = jobs.Contains(HostedJobNames.Campaigns);
        options.SlaEscalation.Enabled = jobs.Contains(HostedJobNames.SlaEscalation);
        options.Surveys.Enabled = jobs.Contains(HostedJobNames.Surveys);
        options.Segments.Enabled = jobs.Contains(HostedJobNames.Segments);
        options.BrokenPromises.Enabled = jobs.Contains(HostedJobNames.BrokenPromises);
        options.Outbox.Enabled = jobs.Contains(HostedJobNames.Outbox);
    }

    private static void TryAddEmailChannel(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IOutboundChannel)))
        {
            return;
        }

        services.AddSingleton(new InMemoryOutboundChannel(OutboundChannelNames.Email));
        services.AddSingleton<IOutboundChannel>(sp => sp.GetRequiredService<InMemoryOutboundChannel>());
    }
}

/// <summary>Keeps every log line written, formatted, for tests that check what a run logged.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class SinkLogger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._lines.Enqueue((logLevel, category, formatter(state, exception), exception));
    }
}
