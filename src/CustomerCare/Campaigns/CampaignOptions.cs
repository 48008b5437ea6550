using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Campaigns;

/// <summary>What every coupon campaign is configured with: its ledger identifier, the coupon definition it issues, how long a coupon stays valid and whether it needs marketing consent.</summary>
public abstract class CampaignOptions
{
    /// <summary>Creates the options with a campaign's defaults.</summary>
    /// <param name="defaultId">The default campaign identifier, also the default coupon definition.</param>
    /// <param name="defaultValidFor">The default validity of an issued coupon.</param>
    protected CampaignOptions(string defaultId, Duration defaultValidFor)
    {
        CampaignId = defaultId;
        CouponDefinitionId = defaultId;
        ValidFor = defaultValidFor;
    }

    /// <summary>The campaign identifier, the first part of the ledger key (campaign, customer, period).</summary>
    public string CampaignId { get; set; }

    /// <summary>The coupon definition the codes are issued under; it must exist in the coupon store.</summary>
    public string CouponDefinitionId { get; set; }

    /// <summary>How long an issued coupon is valid.</summary>
    public Duration ValidFor { get; set; }

    /// <summary>Whether only customers who accept marketing get the coupon. Default <see langword="true"/>: a campaign coupon is a commercial message.</summary>
    public bool RequireConsent { get; set; } = true;

    /// <summary>The prefix of issued codes, so that staff can tell campaigns apart on sight.</summary>
    public string CodePrefix { get; set; } = string.Empty;

    /// <summary>
    /// The message that tells the customer of the coupon, sent by the notifications when they are added
    /// (<c>AddNotifications</c>); <see langword="null"/> sends none. Each campaign sets its own default.
    /// </summary>
    public Templates.TemplateKind? Notification { get; set; }

    /// <summary>Checks the settings; called by the campaign's constructor.</summary>
    /// <exception cref="FieldValidationException">A setting is out of range; every problem is listed.</exception>
    internal void Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(CampaignId))
        {
            errors.Add(FieldErrors.Create(nameof(CampaignId), CampaignId, FieldErrorCodes.Required, "must name the campaign"));
        }

        if (string.IsNullOrWhiteSpace(CouponDefinitionId))
        {
            errors.Add(FieldErrors.Create(nameof(CouponDefinitionId), CouponDefinitionId, FieldErrorCodes.Required, "must name a coupon definition"));
        }

        if (ValidFor <= Duration.Zero)
        {
            errors.Add(FieldErrors.Create(nameof(ValidFor), DurationPattern.Roundtrip.Format(ValidFor), FieldErrorCodes.OutOfRange, "must be positive"));
        }

        ValidateMore(errors);
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }

    /// <summary>Adds the checks of one kind of campaign.</summary>
    /// <param name="errors">Where to add problems.</param>
    private protected virtual void ValidateMore(List<FieldError> errors)
    {
    }
}
