using System.Globalization;
using System.Security.Cryptography;
using CustomerCare.Webhooks;
using Microsoft.Extensions.Configuration;

namespace CustomerCare.Sample.Serve;

/// <summary>Where the shared inbound secret came from.</summary>
public enum InboundSecretOrigin
{
    /// <summary>The <c>--secret</c> option.</summary>
    Option = 0,

    /// <summary>The <c>CUSTOMERCARE_INBOUND_SECRET</c> environment variable (or configuration key).</summary>
    Environment,

    /// <summary>Generated at start and printed: a development convenience.</summary>
    Generated,
}

/// <summary>
/// The one secret every inbound source is signed with unless configuration gives the source its own
/// (<c>CustomerCare:Inbound:Sources:&lt;source&gt;:Secrets:0</c>): from <c>--secret</c>, else the
/// <c>CUSTOMERCARE_INBOUND_SECRET</c> environment variable, else generated for this run.
/// </summary>
/// <remarks>
/// <see cref="Apply"/> runs when the options are first read, once; <see cref="Sources"/> is read after that, by the
/// start-up banner.
/// </remarks>
public sealed class InboundSecret
{
    /// <summary>The environment variable (any configuration key of that name works too) that holds the shared secret.</summary>
    public const string Variable = "CUSTOMERCARE_INBOUND_SECRET";

    private readonly List<string> _sources = [];

    private InboundSecret(string value, InboundSecretOrigin origin)
    {
        Value = value;
        Origin = origin;
    }

    /// <summary>The secret.</summary>
    public string Value { get; }

    /// <summary>Where it came from.</summary>
    public InboundSecretOrigin Origin { get; }

    /// <summary>The sources it signs: the enabled ones without secrets of their own in configuration.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>Picks the secret: the option, else the environment variable, else a new random one.</summary>
    /// <param name="option">The <c>--secret</c> value, or <see langword="null"/>.</param>
    /// <param name="configuration">The application's configuration, which holds the environment variables.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="FormatException">The secret is shorter than <see cref="WebhookSigner.MinSecretLength"/>; the message names where it came from and its length, never its value.</exception>
    public static InboundSecret Resolve(string? option, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (option is not null)
        {
            return new InboundSecret(Check(option, "option '--secret'"), InboundSecretOrigin.Option);
        }

        if (configuration[Variable] is { Length: > 0 } variable)
        {
            return new InboundSecret(Check(variable, Variable), InboundSecretOrigin.Environment);
        }

        return new InboundSecret("dev-" + RandomNumberGenerator.GetHexString(40, lowercase: true), InboundSecretOrigin.Generated);
    }

    /// <summary>Gives the secret to every source that configuration left without one.</summary>
    /// <param name="options">The inbound options, bound from configuration already.</param>
    public void Apply(InboundWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var source in InboundSources.All)
        {
            if (!options.Sources.TryGetValue(source, out var settings) || settings is null)
            {
                settings = new InboundSourceOptions();
                options.Sources[source] = settings;
            }

            // A disabled source answers 404 whatever its secrets; the banner should not claim the secret signs it.
            if (settings.Enabled && settings.Secrets.Count == 0)
            {
                settings.Secrets.Add(Value);
                if (!_sources.Contains(source, StringComparer.Ordinal))
                {
                    _sources.Add(source);
                }
            }
        }
    }

    private static string Check(string secret, string origin) => secret.Length >= WebhookSigner.MinSecretLength
        ? secret
        : throw new FormatException(string.Create(
            CultureInfo.InvariantCulture,
            $"{origin}: value ({secret.Length} characters) is too short; a secret has at least {WebhookSigner.MinSecretLength} characters"));
}
