using CustomerCare.Customers;
using CustomerCare.Segments;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>Validates <see cref="CustomerCareOptions"/> when the host starts, naming each bad setting and its value.</summary>
public sealed class CustomerCareOptionsValidator : IValidateOptions<CustomerCareOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CustomerCareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!CustomerCare.Currency.TryFromCode(options.Currency, out _, out var currencyError, "CustomerCare:Currency"))
        {
            failures.Add(currencyError.Message);
        }

        if (!TimeZones.TryResolve(options.DefaultTimeZone, out _, out var zoneError, field: "CustomerCare:DefaultTimeZone"))
        {
            failures.Add(zoneError.Message);
        }

        if (!Locale.TryParse(options.DefaultLocale, out _, out var localeError, "CustomerCare:DefaultLocale"))
        {
            failures.Add(localeError.Message);
        }

        if (options.ProcessedEventRetention < Duration.FromDays(1))
        {
            failures.Add($"field 'CustomerCare:ProcessedEventRetention': value '{options.ProcessedEventRetention}' must be at least one day");
        }

        if (options.MaxCommitAttempts is < 1 or > 100)
        {
            failures.Add($"field 'CustomerCare:MaxCommitAttempts': value '{options.MaxCommitAttempts}' must be between 1 and 100");
        }

        try
        {
            options.Segments.Validate();
        }
        catch (ArgumentOutOfRangeException error)
        {
            failures.Add($"field 'CustomerCare:Segments:{error.ParamName}': value '{error.ActualValue}' is out of range: new < active < at-risk day thresholds, all positive");
        }

        failures.AddRange(SegmentCatalog.Validate(options.Segments));
        try
        {
            options.Policy.Validate();
        }
        catch (FieldValidationException invalid)
        {
            // Configuration paths use ':' where the policy's field paths use '.'.
            failures.AddRange(invalid.Errors.Select(e => FieldErrors.WithPrefix(e, "CustomerCare:Policy").Message));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
