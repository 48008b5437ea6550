using NodaTime;

namespace CustomerCare.Policy.Promises;

/// <summary>
/// The promise catalog (seed 002) and how broken delivery promises are detected. The unconditional return window and the
/// warranty period are the <see cref="Returns.ReturnPolicyOptions"/>' windows.
/// </summary>
public sealed class PromiseOptions
{
    /// <summary>How "late" is decided. Default <see cref="LatenessBasis.CustomerLocalDate"/>.</summary>
    public LatenessBasis Lateness { get; set; } = LatenessBasis.CustomerLocalDate;

    /// <summary>The zone of <see cref="LatenessBasis.PolicyZoneInstant"/>. Default Europe/Istanbul.</summary>
    public string Zone { get; set; } = "Europe/Istanbul";

    /// <summary>Days after the promised date with no delivery after which an order counts as never delivered. Default 7.</summary>
    public int NeverDeliveredAfterDays { get; set; } = 7;

    /// <summary>Whether an order still undelivered after its promised date counts as late before it arrives (the sweep finds it), rather than only once delivered. Default <see langword="true"/>: apologize while the customer waits.</summary>
    public bool DetectLateBeforeDelivery { get; set; } = true;

    /// <summary>
    /// Free shipping from this order amount, or <see langword="null"/> when the shop does not promise it (seed 002). An
    /// order charged shipping above it is a broken promise the platform reports as a return reason or a complaint.
    /// </summary>
    public Money? FreeShippingOver { get; set; }

    /// <summary>Days after a purchase within which a lower price elsewhere is matched, or <see langword="null"/> for no price match.</summary>
    public int? PriceMatchDays { get; set; }

    /// <summary>
    /// Whether a wrong size or colour is never sent without the customer's consent (seed 002). Default
    /// <see langword="true"/>: a return with <see cref="Orders.ReturnReason.WrongItem"/> is then a broken promise.
    /// </summary>
    public bool NoSubstitutionWithoutConsent { get; set; } = true;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="FieldValidationException">A setting is invalid; every problem is listed.</exception>
    public void Validate()
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Lateness))
        {
            errors.Add(FieldErrors.Create(nameof(Lateness), Lateness.ToString(), FieldErrorCodes.Unknown, "is not a lateness basis"));
        }

        if (!Customers.TimeZones.TryResolve(Zone, out _, out var zoneError, field: nameof(Zone)))
        {
            errors.Add(zoneError);
        }

        if (NeverDeliveredAfterDays is < 1 or > 365)
        {
            errors.Add(FieldErrors.Create(nameof(NeverDeliveredAfterDays), NeverDeliveredAfterDays.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 1 and 365"));
        }

        if (FreeShippingOver is { Amount: < 0m } threshold)
        {
            errors.Add(FieldErrors.Create(nameof(FreeShippingOver), threshold.ToString(), FieldErrorCodes.OutOfRange, "must not be negative"));
        }

        if (PriceMatchDays is < 1 or > 365)
        {
            errors.Add(FieldErrors.Create(nameof(PriceMatchDays), PriceMatchDays.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 1 and 365"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }

    /// <summary>The zone, resolved.</summary>
    internal DateTimeZone ResolvedZone => Customers.TimeZones.Resolve(Zone);
}
