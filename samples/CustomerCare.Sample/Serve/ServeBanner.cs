using System.Globalization;
using CustomerCare.Hosting;
using CustomerCare.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace CustomerCare.Sample.Serve;

/// <summary>What <c>serve</c> prints once it listens: the addresses, the routes, the inbound secret and the jobs.</summary>
public static class ServeBanner
{
    private static readonly InstantPattern Time = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss'Z'");

    /// <summary>Writes the banner.</summary>
    /// <param name="app">The started application.</param>
    /// <param name="options">The store and channels.</param>
    /// <param name="secret">The shared inbound secret.</param>
    /// <param name="output">Standard output.</param>
    /// <returns>A task that completes when it is written.</returns>
    public static async Task WriteAsync(WebApplication app, SampleHostOptions options, InboundSecret secret, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(output);
        var lines = new List<string>
        {
            $"Serving the store {options.StoreName} on the system clock; {Messages(options)}.",
        };

        // After start the server has replaced port 0 with the port it bound.
        var addresses = app.Urls.ToList();
        lines.AddRange(addresses.Select(a => ServeCommand.ListeningPrefix + a));
        var root = addresses.FirstOrDefault()?.TrimEnd('/') ?? string.Empty;
        lines.Add("Routes:");
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            lines.Add($"  {string.Join(",", methods),-5}{root}{endpoint.RoutePattern.RawText}");
        }

        lines.AddRange(Secrets(app, secret));
        lines.Add("Jobs (next run):");
        var scheduler = app.Services.GetRequiredService<JobScheduler>();
        lines.AddRange(scheduler.Jobs.Select(job => $"  {job,-16}{Time.Format(scheduler.NextDueAt(job))}"));
        lines.Add("Press Ctrl+C to stop.");
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }

        await output.FlushAsync();
    }

    private static string Messages(SampleHostOptions options) => options.SmtpEndpoint() is { } smtp
        ? string.Create(CultureInfo.InvariantCulture, $"e-mail goes to the SMTP server {smtp.Host}:{smtp.Port}, SMS to {Path.Combine(options.Outbox!, "sms.log")}")
        : $"messages go to {options.Outbox} (e-mail in the mailbox {Path.Combine(options.Outbox!, "email.mbox")}, SMS in {Path.Combine(options.Outbox!, "sms.log")})";

    private static IEnumerable<string> Secrets(WebApplication app, InboundSecret secret)
    {
        // Reading the options runs InboundSecret.Apply, if the start-up validation has not run it already.
        var inbound = app.Services.GetRequiredService<IOptions<InboundWebhookOptions>>().Value;
        var own = InboundSources.All
            .Where(s => !secret.Sources.Contains(s, StringComparer.Ordinal) && inbound.Sources.TryGetValue(s, out var source) && source.Secrets.Count > 0)
            .ToList();
        if (own.Count > 0)
        {
            yield return $"Sources signed with their own secrets from configuration: {string.Join(", ", own)}.";
        }

        if (secret.Sources.Count == 0)
        {
            yield break;
        }

        var signed = string.Join(", ", secret.Sources);
        switch (secret.Origin)
        {
            case InboundSecretOrigin.Generated:
                yield return ServeCommand.SecretPrefix + secret.Value;
                yield return $"  generated for this run, a development convenience; it signs {signed}. Pass --secret or set {InboundSecret.Variable} to keep one.";
                break;
            case InboundSecretOrigin.Option:
                yield return $"The secret given with --secret signs {signed}.";
                break;
            default:
                yield return $"The secret in {InboundSecret.Variable} signs {signed}.";
                break;
        }
    }
}
