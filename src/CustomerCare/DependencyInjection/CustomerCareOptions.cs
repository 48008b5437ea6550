using CustomerCare.Segments;
using NodaTime;

namespace CustomerCare;

/// <summary>The library-wide settings, validated when the host starts.</summary>
public sealed class CustomerCareOptions
{
    /// <summary>The ISO 4217 code of the store currency; order totals in another currency are refused. Default <c>TRY</c>.</summary>
    public string Currency { get; set; } = "TRY";

    /// <summary>The IANA zone used for customers who gave none. Default <c>Europe/Istanbul</c>.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Istanbul";

    /// <summary>The locale used for customers who gave none. Default <c>tr-TR</c>.</summary>
    public string DefaultLocale { get; set; } = "tr-TR";

    /// <summary>How long processed-event entries are kept; redelivery after this is applied again. Default 90 days.</summary>
    public Duration ProcessedEventRetention { get; set; } = Duration.FromDays(90);

    /// <summary>Segments, RFM scoring and lifecycle thresholds.</summary>
    public SegmentOptions Segments { get; } = new();

    /// <summary>The satisfaction policy: tone, promises, compensation, response targets, assignment.</summary>
    public Policy.SatisfactionPolicyOptions Policy { get; set; } = new();

    /// <summary>How many times an event is retried when a concurrent writer changed the same customer. Default 8.</summary>
    public int MaxCommitAttempts { get; set; } = 8;
}
