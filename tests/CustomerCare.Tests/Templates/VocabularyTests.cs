using CustomerCare.Customers;
using CustomerCare.Templates;
using Xunit;

namespace CustomerCare.Tests.Templates;

/// <summary>
/// The model vocabulary is a contract with the code that fills models from events: each kind's sample holds exactly
/// these names, no more and no fewer.
/// </summary>
public sealed class VocabularyTests
{
    private static readonly string[] Common = ["customer_name", "brand", "support_url", "shop_url"];

    private static readonly Dictionary<TemplateKind, string[]> Contract = new()
    {
        [TemplateKind.Acknowledgement] = ["ticket", "topic", "order_number", "received_at", "respond_by", "agent_name", "next_steps"],
        [TemplateKind.Apology] = ["ticket", "order_number", "has_coupon", "coupon_code", "coupon_offer", "coupon_expires", "agent_name"],
        [TemplateKind.OrderProcessing] = ["order_number", "order_total", "items", "expected_date"],
        [TemplateKind.OrderShipped] = ["order_number", "carrier", "tracking_number", "tracking_url", "expected_date", "items"],
        [TemplateKind.OrderDelivered] = ["order_number", "delivered_at", "items"],
        [TemplateKind.OrderReturned] = ["order_number", "refund", "refund_days"],
        [TemplateKind.OrderCancelled] = ["order_number", "refund", "items"],
        [TemplateKind.SurveyInvitation] = ["order_number", "survey_url", "survey_minutes", "survey_expires"],
        [TemplateKind.ReviewRequest] = ["order_number", "product_name", "review_url"],
        [TemplateKind.ThankYou] = ["order_number", "agent_name"],
        [TemplateKind.BirthdayGreeting] = ["coupon_code", "coupon_offer", "coupon_expires"],
        [TemplateKind.Welcome] = ["coupon_code", "coupon_offer", "coupon_expires"],
        [TemplateKind.WinBack] = ["coupon_code", "coupon_offer", "coupon_expires", "days_since_last_order"],
        [TemplateKind.PostPurchaseCoupon] = ["order_number", "coupon_code", "coupon_offer", "coupon_expires"],
        [TemplateKind.ReturnApproved] = ["order_number", "return_number", "refund", "refund_days", "drop_off_until", "carrier", "return_code", "items"],
        [TemplateKind.ReturnRefused] = ["order_number", "return_number", "reason"],
        [TemplateKind.BreachNotice] = ["incident_date", "discovered_date", "data_categories", "consequences", "actions_taken", "customer_steps", "contact_email"],
    };

    public static TheoryData<TemplateKind, string> KindsAndLanguages()
    {
        var data = new TheoryData<TemplateKind, string>();
        foreach (var kind in Enum.GetValues<TemplateKind>())
        {
            data.Add(kind, "tr");
            data.Add(kind, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void SampleModel_OfEveryKind_HasExactlyTheContractedNames(TemplateKind kind, string locale)
    {
        var names = TemplateSamples.For(kind, Locale.Parse(locale)).Names.Order(StringComparer.Ordinal);

        Assert.Equal(Common.Concat(Contract[kind]).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Contract_CoversEveryKind()
    {
        Assert.Equal(Enum.GetValues<TemplateKind>().Order(), Contract.Keys.Order());
    }

    [Fact]
    public void SampleModel_UndefinedKind_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TemplateSamples.For((TemplateKind)999, Locale.Parse("tr")));
    }
}
