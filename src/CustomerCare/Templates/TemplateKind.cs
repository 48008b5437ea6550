namespace CustomerCare.Templates;

/// <summary>The situation a reply template answers; each kind has its own sample model (<see cref="TemplateSamples"/>).</summary>
public enum TemplateKind
{
    /// <summary>A complaint or question was received: its number and when to expect an answer.</summary>
    Acknowledgement = 0,

    /// <summary>An apology, with the compensation coupon when one was granted (<c>has_coupon</c>).</summary>
    Apology,

    /// <summary>The order is being prepared.</summary>
    OrderProcessing,

    /// <summary>The order was handed to the carrier.</summary>
    OrderShipped,

    /// <summary>The order was delivered.</summary>
    OrderDelivered,

    /// <summary>The returned order arrived back.</summary>
    OrderReturned,

    /// <summary>The order was cancelled.</summary>
    OrderCancelled,

    /// <summary>An invitation to a satisfaction survey.</summary>
    SurveyInvitation,

    /// <summary>A request to review a product.</summary>
    ReviewRequest,

    /// <summary>Thanks for positive feedback.</summary>
    ThankYou,

    /// <summary>A birthday greeting with a coupon.</summary>
    BirthdayGreeting,

    /// <summary>A welcome to a new customer.</summary>
    Welcome,

    /// <summary>An invitation back to a customer who has not bought for a while.</summary>
    WinBack,

    /// <summary>A coupon sent after a purchase.</summary>
    PostPurchaseCoupon,

    /// <summary>A return request was approved.</summary>
    ReturnApproved,

    /// <summary>A return request was refused, with the reason.</summary>
    ReturnRefused,

    /// <summary>A personal-data breach notice (KVKK art. 12, GDPR art. 34); sober in every tone.</summary>
    BreachNotice,
}
