using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace CustomerCare.Customers;

/// <summary>Resolves IANA time zone identifiers with a clear error for unknown ones.</summary>
public static class TimeZones
{
    /// <summary>Istanbul, the default zone of the library.</summary>
    public static DateTimeZone Istanbul { get; } = DateTimeZoneProviders.Tzdb["Europe/Istanbul"];

    /// <summary>Resolves an IANA identifier such as <c>Europe/Istanbul</c>.</summary>
    /// <param name="id">The identifier; exact case, as TZDB spells it.</param>
    /// <param name="provider">The provider; TZDB when <see langword="null"/>.</param>
    /// <returns>The zone.</returns>
    /// <exception cref="FieldValidationException">The identifier is missing or unknown.</exception>
    public static DateTimeZone Resolve(string? id, IDateTimeZoneProvider? provider = null) =>
        TryResolve(id, out var zone, out var error, provider) ? zone : throw new FieldValidationException(error);

    /// <summary>Tries to resolve an IANA identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="zone">The zone, when known.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="provider">The provider; TZDB when <see langword="null"/>.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when the zone is known.</returns>
    public static bool TryResolve(
        string? id,
        [NotNullWhen(true)] out DateTimeZone? zone,
        [NotNullWhen(false)] out FieldError? error,
        IDateTimeZoneProvider? provider = null,
        string field = "time_zone")
    {
        error = null;
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            error = FieldErrors.Create(field, id, FieldErrorCodes.Required, "is required: give an IANA zone such as Europe/Istanbul");
            return false;
        }

        zone = (provider ?? DateTimeZoneProviders.Tzdb).GetZoneOrNull(id.Trim());
        if (zone is null)
        {
            error = FieldErrors.Create(field, id, FieldErrorCodes.Unknown, "is not an IANA time zone (for example Europe/Istanbul or America/New_York)");
            return false;
        }

        return true;
    }
}
