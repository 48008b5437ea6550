using CustomerCare.Complaints;
using CustomerCare.Policy;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using NodaTime;

namespace CustomerCare.Sample;

/// <summary>The sample store's satisfaction policy: an apology coupon for each broken promise, teams per channel, a return fee for a change of mind.</summary>
public static class SamplePolicy
{
    /// <summary>Builds the policy.</summary>
    /// <returns>The policy.</returns>
    public static SatisfactionPolicyOptions Create()
    {
        var policy = new SatisfactionPolicyOptions { Tone = ToneOfVoice.Friendly };
        policy.Compensation.Rules[BrokenPromiseKind.LateDelivery] = new CompensationRule { CouponDefinitionId = "sorry-late", ValidFor = Duration.FromDays(30) };
        policy.Compensation.Rules[BrokenPromiseKind.NeverDelivered] = new CompensationRule { CouponDefinitionId = "sorry-lost", ValidFor = Duration.FromDays(60) };
        policy.Compensation.Rules[BrokenPromiseKind.Damaged] = new CompensationRule { CouponDefinitionId = "sorry-damaged", ValidFor = Duration.FromDays(60) };
        policy.Compensation.Rules[BrokenPromiseKind.WrongItem] = new CompensationRule { CouponDefinitionId = "sorry-wrong-item", ValidFor = Duration.FromDays(60) };
        policy.Compensation.Rules[BrokenPromiseKind.Unanswered] = new CompensationRule { CouponDefinitionId = "sorry-slow", ValidFor = Duration.FromDays(30) };
        policy.Compensation.Caps.MaxPerCustomer = 3;
        policy.Returns.ReturnFee = new Money(29.90m, Currency.TRY);
        policy.Returns.ExcludedCategories = ["Kozmetik"];
        policy.Assignment.Teams[ComplaintChannel.Email] = ["elif", "burak"];
        policy.Assignment.Teams[ComplaintChannel.ContactForm] = ["elif", "burak"];
        policy.Assignment.Teams[ComplaintChannel.Phone] = ["selin", "mert", "deniz"];
        policy.Assignment.Teams[ComplaintChannel.LiveChat] = ["selin", "mert"];
        policy.Assignment.Teams[ComplaintChannel.Twitter] = ["zeynep"];
        policy.Assignment.Teams[ComplaintChannel.Facebook] = ["zeynep"];
        policy.Assignment.Teams[ComplaintChannel.ComplaintSite] = ["zeynep", "can"];
        policy.Assignment.Teams[ComplaintChannel.Survey] = ["elif"];
        return policy;
    }
}
