using NodaTime;

namespace CustomerCare.Complaints.Suspicion;

/// <summary>When a complaint is flagged as suspicious. Flags are for staff; nothing is rejected.</summary>
public sealed class SuspicionOptions
{
    /// <summary>The window bursts are counted in. Default 1 hour.</summary>
    public Duration BurstWindow { get; set; } = Duration.FromHours(1);

    /// <summary>Complaints from one author on one channel within the window, this one included, that make a burst. Default 3.</summary>
    public int AuthorBurstCount { get; set; } = 3;

    /// <summary>Complaints about one product within the window, this one included, that make a burst. Default 5.</summary>
    public int ProductBurstCount { get; set; } = 5;

    /// <summary>A matched customer whose account is younger than this is flagged. Default 2 days.</summary>
    public Duration NewAccountAge { get; set; } = Duration.FromDays(2);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="FieldValidationException">A setting is out of range; every problem is listed.</exception>
    public void Validate()
    {
        var errors = new List<FieldError>();
        if (BurstWindow <= Duration.Zero)
        {
            errors.Add(FieldErrors.Create(nameof(BurstWindow), NodaTime.Text.DurationPattern.Roundtrip.Format(BurstWindow), FieldErrorCodes.OutOfRange, "must be positive"));
        }

        if (AuthorBurstCount < 2)
        {
            errors.Add(FieldErrors.Create(nameof(AuthorBurstCount), AuthorBurstCount.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be at least 2"));
        }

        if (ProductBurstCount < 2)
        {
            errors.Add(FieldErrors.Create(nameof(ProductBurstCount), ProductBurstCount.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be at least 2"));
        }

        if (NewAccountAge < Duration.Zero)
        {
            errors.Add(FieldErrors.Create(nameof(NewAccountAge), NodaTime.Text.DurationPattern.Roundtrip.Format(NewAccountAge), FieldErrorCodes.OutOfRange, "must not be negative"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }
}
