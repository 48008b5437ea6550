using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Notifications;

/// <summary>The gates a commercial message passes before it may leave: consent, quiet hours in the customer's zone, and a frequency cap.</summary>
public sealed class NotificationOptions
{
    /// <summary>When quiet hours start, in the customer's own zone. Default 21:00.</summary>
    public LocalTime QuietFrom { get; set; } = new(21, 0);

    /// <summary>When quiet hours end, in the customer's own zone. Default 09:00.</summary>
    public LocalTime QuietUntil { get; set; } = new(9, 0);

    /// <summary>The most commercial messages per customer within <see cref="CapPeriod"/>; more are deferred, never dropped. Default 3.</summary>
    public int MaxCommercialPerPeriod { get; set; } = 3;

    /// <summary>The rolling period of the cap. Default 7 days.</summary>
    public Duration CapPeriod { get; set; } = Duration.FromDays(7);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="FieldValidationException">A setting is out of range; every problem is listed.</exception>
    public void Validate()
    {
        var errors = new List<FieldError>();
        if (MaxCommercialPerPeriod < 1)
        {
            errors.Add(FieldErrors.Create(nameof(MaxCommercialPerPeriod), MaxCommercialPerPeriod.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be at least 1"));
        }

        if (CapPeriod <= Duration.Zero)
        {
            errors.Add(FieldErrors.Create(nameof(CapPeriod), DurationPattern.Roundtrip.Format(CapPeriod), FieldErrorCodes.OutOfRange, "must be positive"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }
}
