using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Notifications;

/// <summary>
/// How messages are written and gated: the brand and links every template shows, the channels in order of preference,
/// and the gates a commercial message passes before it may leave (consent, quiet hours in the customer's zone, and a
/// frequency cap).
/// </summary>
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

    /// <summary>The shop's name as customers know it, signed under every message. Default <c>CustomerCare</c>.</summary>
    public string Brand { get; set; } = "CustomerCare";

    /// <summary>Where customers get help, shown in messages. Default empty.</summary>
    public string SupportUrl { get; set; } = string.Empty;

    /// <summary>The shop's address, shown in messages that invite a visit. Default empty.</summary>
    public string ShopUrl { get; set; } = string.Empty;

    /// <summary>
    /// The channels to try, most preferred first: a message goes over the first one for which the customer has an
    /// address and a channel is registered. Default e-mail, then SMS.
    /// </summary>
    public IList<Templates.MessageChannel> ChannelPreference { get; } = [Templates.MessageChannel.Email, Templates.MessageChannel.Sms];

    /// <summary>The carrier named in a shipping message when the event names none. Default empty (the template's own words).</summary>
    public string DefaultCarrier { get; set; } = string.Empty;

    /// <summary>Days within which a refund reaches the customer, as messages promise it. Default 14, the Turkish legal limit.</summary>
    public int RefundDays { get; set; } = 14;

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

        if (string.IsNullOrWhiteSpace(Brand))
        {
            errors.Add(FieldErrors.Create(nameof(Brand), Brand, FieldErrorCodes.Required, "must name the shop; it signs every message"));
        }

        if (ChannelPreference.Count == 0 || ChannelPreference.Any(c => c is Templates.MessageChannel.PublicSocialReply || !Enum.IsDefined(c)))
        {
            errors.Add(FieldErrors.Create(nameof(ChannelPreference), string.Join(",", ChannelPreference), FieldErrorCodes.OutOfRange, "must list e-mail, SMS or push, at least one"));
        }

        if (RefundDays is < 1 or > 365)
        {
            errors.Add(FieldErrors.Create(nameof(RefundDays), RefundDays.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 1 and 365"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }
}
