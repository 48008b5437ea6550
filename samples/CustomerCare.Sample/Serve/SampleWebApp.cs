using CustomerCare.Hosting;
using CustomerCare.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerCare.Sample.Serve;

/// <summary>
/// The <c>serve</c> command's web application: the sample's library wiring (<see cref="SampleHost.AddLibrary"/>) on the
/// system clock, the inbound webhook routes, <c>/health</c>, and the hosted jobs.
/// </summary>
/// <remarks>
/// Configuration comes from <c>appsettings.json</c> in the working directory and environment variables:
/// <c>CustomerCare:Inbound</c> (the <see cref="InboundWebhookOptions"/>, such as
/// <c>CustomerCare__Inbound__Sources__complaint-site__Secrets__0</c>), <c>CustomerCare:HostedJobs</c> (schedules, such
/// as <c>CustomerCare__HostedJobs__Outbox__Schedule=every 0:00:30</c>), <c>Logging:LogLevel</c>, and
/// <see cref="InboundSecret.Variable"/>.
/// </remarks>
public static class SampleWebApp
{
    /// <summary>The route of the health checks.</summary>
    public const string HealthRoute = "/health";

    /// <summary>How often the outbox is dispatched unless configuration says otherwise: often enough that a posted complaint's acknowledgement is in the outbox folder seconds later.</summary>
    public static readonly Duration OutboxInterval = Duration.FromSeconds(10);

    /// <summary>Builds the application; nothing listens or runs until it is started.</summary>
    /// <param name="options">The store and channels, as the other commands use them.</param>
    /// <param name="settings">Where to listen and the <c>--secret</c>.</param>
    /// <param name="console">Where the log lines go (standard error).</param>
    /// <returns>The application, and the shared inbound secret it uses.</returns>
    /// <exception cref="FormatException">The shared secret is too short.</exception>
    public static (WebApplication App, InboundSecret Secret) Build(SampleHostOptions options, ServeSettings settings, SampleConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);

        // No Args: the sample's command line is parsed by System.CommandLine, not by the host's configuration.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls([.. settings.Urls]);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SampleConsoleLoggerProvider(console.Error));
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A failed start (such as a port in use) reaches serve as an exception, which it reports in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // serve prints its own start and stop lines; the host's would repeat them.
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));

        var secret = InboundSecret.Resolve(settings.Secret, builder.Configuration);
        SampleHost.AddLibrary(builder.Services, options)
            .AddInboundWebhooks(builder.Configuration.GetSection("CustomerCare:Inbound"))
            .AddInboundWebhooks(secret.Apply)
            .AddHostedJobs(o => o.Outbox.Schedule = JobSchedule.Every(OutboxInterval))
            .AddHostedJobs(builder.Configuration.GetSection("CustomerCare:HostedJobs"));
        builder.Services.AddSingleton<ISurveyInvitationSender, SurveyInvitationNotifier>();
        builder.Services.AddHealthChecks().AddCustomerCareHealthChecks();

        var app = builder.Build();
        app.MapCustomerCareInbound();
        app.MapHealthChecks(HealthRoute, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        return (app, secret);
    }
}
