using System.Globalization;
using CustomerCare.Orders;

namespace CustomerCare.Returns;

/// <summary>
/// Return, exchange and warranty rules (seeds 003, 004: returns must be easy, fast, fair and transparent). Windows count
/// calendar days from the delivery date in the customer's own zone; the last day is included.
/// </summary>
public sealed class ReturnPolicyOptions
{
    /// <summary>Days after delivery a return is accepted. Default 14 (the withdrawal period of Turkish and EU consumer law).</summary>
    public int ReturnWindowDays { get; set; } = 14;

    /// <summary>Days after delivery an exchange is accepted. Default 30.</summary>
    public int ExchangeWindowDays { get; set; } = 30;

    /// <summary>Months after delivery a warranty claim is accepted. Default 24.</summary>
    public int WarrantyMonths { get; set; } = 24;

    /// <summary>The fee of a return, or <see langword="null"/> for free returns. Waived for <see cref="FeeWaivedFor"/>.</summary>
    public Money? ReturnFee { get; set; }

    /// <summary>Reasons that never pay the fee: the company's own mistakes. Default damaged, wrong item, defective, not as described.</summary>
    public List<ReturnReason> FeeWaivedFor { get; set; } = [ReturnReason.Damaged, ReturnReason.WrongItem, ReturnReason.Defective, ReturnReason.NotAsDescribed];

    /// <summary>Whether a change of mind needs the item unopened. Default <see langword="false"/>: the unconditional return promise.</summary>
    public bool ChangedMindNeedsUnopened { get; set; }

    /// <summary>Product categories a change of mind cannot return (hygiene, personalized), compared with Turkish-aware case folding. A defect or the company's mistake is always returnable.</summary>
    public List<string> ExcludedCategories { get; set; } = [];

    /// <summary>Checks the rules.</summary>
    /// <exception cref="FieldValidationException">A rule is out of range; every problem is listed.</exception>
    public void Validate()
    {
        var errors = new List<FieldError>();
        Range(errors, nameof(ReturnWindowDays), ReturnWindowDays, 0, 365);
        Range(errors, nameof(ExchangeWindowDays), ExchangeWindowDays, 0, 365);
        Range(errors, nameof(WarrantyMonths), WarrantyMonths, 0, 120);
        if (ReturnFee is { Amount: < 0m } fee)
        {
            errors.Add(FieldErrors.Create(nameof(ReturnFee), fee.ToString(), FieldErrorCodes.OutOfRange, "must not be negative"));
        }

        for (var i = 0; i < (FeeWaivedFor?.Count ?? 0); i++)
        {
            if (!Enum.IsDefined(FeeWaivedFor![i]))
            {
                errors.Add(FieldErrors.Create($"{nameof(FeeWaivedFor)}[{i}]", FeeWaivedFor[i].ToString(), FieldErrorCodes.Unknown, "is not a return reason"));
            }
        }

        for (var i = 0; i < (ExcludedCategories?.Count ?? 0); i++)
        {
            if (Identifiers.Check(ExcludedCategories![i], 100, $"{nameof(ExcludedCategories)}[{i}]") is { } error)
            {
                errors.Add(error);
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }

    private static void Range(List<FieldError> errors, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(FieldErrors.Create(field, value.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, $"must be between {min} and {max}"));
        }
    }
}
