using CustomerCare.Complaints;
using CustomerCare.Policy;
using CustomerCare.Policy.Json;
using CustomerCare.Policy.Promises;
using CustomerCare.Policy.Sla;
using CustomerCare.Tests.Support;
using NodaTime;

namespace CustomerCare.Tests.Docs;

public sealed class SatisfactionPolicyDocTests
{
    [Fact]
    public void TheDocumentedPolicy_LoadsAndMeansWhatTheDocSays()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "satisfaction-policy.md"));
        var start = document.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = document[start..document.IndexOf("```", start, StringComparison.Ordinal)];

        var policy = SatisfactionPolicyJson.Parse(json, "docs/satisfaction-policy.md");
        var sla = policy.BuildSla();

        Assert.Equal(ToneOfVoice.Friendly, policy.Tone);
        Assert.Equal(Duration.FromHours(8), sla.Targets.TargetFor(ComplaintChannel.Email, ComplaintPriority.Normal, SlaMetric.FirstResponse));
        Assert.Equal(Duration.FromHours(1), sla.Targets.TargetFor(ComplaintChannel.Twitter, ComplaintPriority.Normal, SlaMetric.FirstResponse));
        Assert.Equal("sorry-slow", policy.Compensation.Rules[BrokenPromiseKind.Unanswered].CouponDefinitionId);
        Assert.Equal(Duration.FromDays(60), policy.Compensation.Rules[BrokenPromiseKind.Damaged].ValidFor);
        Assert.Equal(["İç Giyim"], policy.Returns.ExcludedCategories);
        // Saturday 2027-06-05 11:00 in Istanbul is open under the documented hours.
        Assert.True(sla.BusinessCalendar.IsOpen(new LocalDateTime(2027, 6, 5, 11, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Europe/Istanbul"]).ToInstant()));
    }
}
