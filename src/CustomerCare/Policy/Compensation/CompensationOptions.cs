using System.Globalization;
using CustomerCare.Policy.Promises;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Policy.Compensation;

/// <summary>The compensation matrix: for each kind of broken promise, its rule; and the caps.</summary>
public sealed class CompensationOptions
{
    /// <summary>The rule per kind. A kind without a rule gets an apology alone.</summary>
    public Dictionary<BrokenPromiseKind, CompensationRule> Rules { get; set; } = [];

    /// <summary>The caps per customer.</summary>
    public CompensationCaps Caps { get; set; } = new();

    /// <summary>The rule of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its rule, or an apology-only rule.</returns>
    public CompensationRule RuleFor(BrokenPromiseKind kind) => Rules.TryGetValue(kind, out var rule) ? rule : new CompensationRule();

    /// <summary>Checks the matrix.</summary>
    /// <exception cref="FieldValidationException">A rule or cap is invalid; every problem is listed with its path.</exception>
    public void Validate()
    {
        var errors = new List<FieldError>();
        foreach (var (kind, rule) in Rules)
        {
            var at = $"Rules[{BrokenPromise.NameOf(kind)}]";
            if (!Enum.IsDefined(kind))
            {
                errors.Add(FieldErrors.Create("Rules", kind.ToString(), FieldErrorCodes.Unknown, "is not a kind of broken promise"));
            }

            if (rule is null)
            {
                errors.Add(FieldErrors.Create(at, null, FieldErrorCodes.Required, "is missing"));
                continue;
            }

            if (rule.CouponDefinitionId is { } definition && Identifiers.Check(definition, 128, at + ".CouponDefinitionId") is { } error)
            {
                errors.Add(error);
            }

            if (rule.ValidFor <= Duration.Zero)
            {
                errors.Add(FieldErrors.Create(at + ".ValidFor", DurationPattern.Roundtrip.Format(rule.ValidFor), FieldErrorCodes.OutOfRange, "must be positive"));
            }
        }

        if (Caps is null)
        {
            errors.Add(FieldErrors.Create(nameof(Caps), null, FieldErrorCodes.Required, "is missing"));
        }
        else
        {
            if (Caps.MaxPerCustomer < 0)
            {
                errors.Add(FieldErrors.Create("Caps.MaxPerCustomer", Caps.MaxPerCustomer.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must not be negative"));
            }

            if (Caps.Period <= Duration.Zero)
            {
                errors.Add(FieldErrors.Create("Caps.Period", DurationPattern.Roundtrip.Format(Caps.Period), FieldErrorCodes.OutOfRange, "must be positive"));
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }
}
