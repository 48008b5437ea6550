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

    /// <summary>
    /// Whether only customers who consent to <see cref="Privacy.Consent.ConsentPurpose.Marketing"/> on
    /// <see cref="NoticeChannel"/> get the coupon. Default <see langword="true"/>: a campaign coupon is a commercial
    /// message. The campaign reads the customer's consent snapshot; the notice itself is checked against the consent
    /// ledger again when it is queued and when it is sent.
    /// </summary>
    public bool RequireConsent { get; set; } = true;

    /// <summary>The channel the campaign's notice goes out on, whose marketing consent <see cref="RequireConsent"/> asks for. Default <see cref="Privacy.Consent.ConsentChannel.Email"/>.</summary>
    public Privacy.Consent.ConsentChannel NoticeChannel { get; set; } = Privacy.Consent.ConsentChannel.Email;

    /// <summary>The prefix of issued codes, so that staff can tell campaigns apart on sight.</summary>
    public string CodePrefix { get; set; } = string.Empty;

    /// <summary>
    /// The message that tells the customer of the coupon, sent by the notifications when they are added
    /// (<c>AddNotifications</c>); <see langword="null"/> sends none. Each campaign sets its own default.
    /// </summary>
    public Templates.TemplateKind? Notification { get; set; }

    /// <summary>Whether a customer may get the campaign's coupon as far as consent goes.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns><see langword="true"/> when consent is not required or the snapshot holds marketing consent on <see cref="NoticeChannel"/>.</returns>
    internal bool ConsentAdmits(Customers.Customer customer) =>
        !RequireConsent || customer.Consents.Allows(Privacy.Consent.ConsentPurpose.Marketing, NoticeChannel);

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

        if (!Enum.IsDefined(NoticeChannel))
        {
            errors.Add(FieldErrors.Create(nameof(NoticeChannel), NoticeChannel.ToString(), FieldErrorCodes.Unknown, "is not a consent channel"));
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
