using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Notifications;

/// <summary>How the outbox dispatcher claims, retries and gives up.</summary>
public sealed class OutboxOptions
{
    /// <summary>This dispatcher's name in claims; unique per process. Default the machine name and a random suffix.</summary>
    public string DispatcherId { get; set; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Messages claimed per round. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many messages of a round are with their channels at once. Default 1: one after another, on the caller's flow.
    /// </summary>
    /// <remarks>
    /// Above 1, each send runs on the thread pool, so a channel that blocks (a file write, a slow SMTP server) overlaps
    /// with the next ones; the channels must then be thread-safe, as they already are when several dispatchers share
    /// them. Outcomes are still recorded one at a time, in the order the messages were claimed. At most 256.
    /// </remarks>
    public int MaxConcurrentSends { get; set; } = 1;

    /// <summary>How long a claim holds; a dispatcher that dies loses its messages to another after it. Default 5 minutes.</summary>
    public Duration Lease { get; set; } = Duration.FromMinutes(5);

    /// <summary>Attempts before a transient failure becomes a dead letter. Default 6.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; it doubles with every further one. Default 1 minute.</summary>
    public Duration FirstRetryAfter { get; set; } = Duration.FromMinutes(1);

    /// <summary>The longest wait between attempts. Default 1 hour.</summary>
    public Duration MaxRetryAfter { get; set; } = Duration.FromHours(1);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="FieldValidationException">A setting is out of range; every problem is listed.</exception>
    public void Validate()
    {
        var errors = new List<FieldError>();
        if (Identifiers.Check(DispatcherId, 128, nameof(DispatcherId)) is { } idError)
        {
            errors.Add(idError);
        }

        if (BatchSize is < 1 or > 10_000)
        {
            errors.Add(FieldErrors.Create(nameof(BatchSize), BatchSize.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 1 and 10000"));
        }

        if (MaxConcurrentSends is < 1 or > 256)
        {
            errors.Add(FieldErrors.Create(nameof(MaxConcurrentSends), MaxConcurrentSends.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 1 and 256"));
        }

        if (MaxAttempts is < 1 or > 100)
        {
            errors.Add(FieldErrors.Create(nameof(MaxAttempts), MaxAttempts.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 1 and 100"));
        }

        foreach (var (name, value) in new[] { (nameof(Lease), Lease), (nameof(FirstRetryAfter), FirstRetryAfter), (nameof(MaxRetryAfter), MaxRetryAfter) })
        {
            if (value <= Duration.Zero)
            {
                errors.Add(FieldErrors.Create(name, DurationPattern.Roundtrip.Format(value), FieldErrorCodes.OutOfRange, "must be positive"));
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: doubling, capped.</summary>
    internal Duration RetryAfter(int attempts)
    {
        var ticks = FirstRetryAfter.BclCompatibleTicks * Math.Pow(2, Math.Min(attempts - 1, 30));
        return ticks >= MaxRetryAfter.BclCompatibleTicks ? MaxRetryAfter : Duration.FromTicks((long)ticks);
    }
}
