using System.Globalization;

namespace CustomerCare.Webhooks;

/// <summary>The limits, signature checks and sources of the <see cref="InboundWebhookHandler"/>.</summary>
/// <remarks>Bound from configuration by <c>AddInboundWebhooks(IConfiguration)</c>: <c>MaxBodyBytes</c>,
/// <c>MaxDepth</c>, <c>TimestampTolerance</c>, <c>ReplayCacheCapacity</c>, <c>ComplaintSiteBrand</c> and
/// <c>Sources:&lt;name&gt;:Enabled</c> / <c>Sources:&lt;name&gt;:Secrets:0</c> for the names of
/// <see cref="InboundSources"/>.</remarks>
public sealed class InboundWebhookOptions
{
    /// <summary>The largest body accepted, in bytes; a larger one is refused with 413. Default 64 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The deepest JSON nesting accepted (the root object is 1); deeper is refused with 400. Default 16.</summary>
    public int MaxDepth { get; set; } = 16;

    /// <summary>How far a signed post's timestamp may be from the clock, either way. Default 5 minutes.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many recent post ids are remembered to refuse replays; the oldest is forgotten first. Default 100 000.</summary>
    public int ReplayCacheCapacity { get; set; } = 100_000;

    /// <summary>When set, a complaint-site post about another brand (matched against <c>brand.id</c> or <c>brand.name</c>, ignoring case) is refused. Default none.</summary>
    public string? ComplaintSiteBrand { get; set; }

    /// <summary>Per-source settings by <see cref="InboundSources"/> name; a source not listed is enabled and unsigned.</summary>
    public IDictionary<string, InboundSourceOptions> Sources { get; } = new Dictionary<string, InboundSourceOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks every setting.</summary>
    /// <returns>The problems, each naming the setting and its value (secrets by length only); empty when valid.</returns>
    internal List<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            errors.Add(FieldErrors.Create(nameof(MaxBodyBytes), MaxBodyBytes.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 1024 and 16777216"));
        }

        if (MaxDepth is < 4 or > 64)
        {
            errors.Add(FieldErrors.Create(nameof(MaxDepth), MaxDepth.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 4 and 64"));
        }

        if (TimestampTolerance < TimeSpan.FromSeconds(30) || TimestampTolerance > TimeSpan.FromHours(1))
        {
            errors.Add(FieldErrors.Create(nameof(TimestampTolerance), TimestampTolerance.ToString("c", CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 00:00:30 and 01:00:00"));
        }

        if (ReplayCacheCapacity is < 100 or > 10_000_000)
        {
            errors.Add(FieldErrors.Create(nameof(ReplayCacheCapacity), ReplayCacheCapacity.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 100 and 10000000"));
        }

        if (ComplaintSiteBrand is { } brand && WebhookIdentifiers.Check(brand, 200, nameof(ComplaintSiteBrand)) is { } brandError)
        {
            errors.Add(brandError);
        }

        foreach (var (name, source) in Sources)
        {
            var field = nameof(Sources) + ":" + name;
            if (!InboundSources.All.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(FieldErrors.Create(field, name, FieldErrorCodes.Unknown, "is not a source; the sources are " + string.Join(", ", InboundSources.All)));
            }
            else if (source is not null && source.Secrets.Count > 0)
            {
                errors.AddRange(WebhookSigner.Check([.. source.Secrets], field + ":" + nameof(InboundSourceOptions.Secrets)));
            }
        }

        return errors;
    }
}
