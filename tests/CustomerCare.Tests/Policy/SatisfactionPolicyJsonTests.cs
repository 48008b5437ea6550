using CustomerCare.Complaints;
using CustomerCare.Orders;
using CustomerCare.Policy;
using CustomerCare.Policy.Json;
using CustomerCare.Policy.Promises;
using NodaTime;

namespace CustomerCare.Tests.Policy;

public sealed class SatisfactionPolicyJsonTests
{
    private const string Valid = """
        {
          // Comments and trailing commas are allowed: a policy is written by people.
          "tone": "Witty",
          "promises": { "lateness": "PolicyZoneInstant", "neverDeliveredAfterDays": 10 },
          "compensation": {
            "rules": {
              "LateDelivery": { "couponDefinitionId": "sorry-late", "validFor": "30d" },
              "Damaged": { "couponDefinitionId": "sorry-damaged", "validFor": "P45D" },
            },
            "caps": { "maxPerCustomer": 2, "period": "90d" }
          },
          "returns": { "returnWindowDays": 30, "returnFee": "29.90 TRY", "excludedCategories": ["İç Giyim"] },
          "assignment": { "strategy": "RoundRobin", "teams": { "ComplaintSite": ["ayse", "mehmet"] } },
          "suspicion": { "burstWindow": "2h", "authorBurstCount": 4 }
        }
        """;

    [Fact]
    public void Parse_ReadsEverySection()
    {
        var policy = SatisfactionPolicyJson.Parse(Valid);

        Assert.Equal(ToneOfVoice.Witty, policy.Tone);
        Assert.Equal((LatenessBasis.PolicyZoneInstant, 10), (policy.Promises.Lateness, policy.Promises.NeverDeliveredAfterDays));
        Assert.Equal(Duration.FromDays(30), policy.Compensation.Rules[BrokenPromiseKind.LateDelivery].ValidFor);
        Assert.Equal(Duration.FromDays(45), policy.Compensation.Rules[BrokenPromiseKind.Damaged].ValidFor);
        Assert.Equal((2, Duration.FromDays(90)), (policy.Compensation.Caps.MaxPerCustomer, policy.Compensation.Caps.Period));
        Assert.Equal(new Money(29.90m, Currency.TRY), policy.Returns.ReturnFee);
        Assert.Equal(["ayse", "mehmet"], policy.Assignment.Teams[ComplaintChannel.ComplaintSite]);
        Assert.Equal((Duration.FromHours(2), 4), (policy.Suspicion.BurstWindow, policy.Suspicion.AuthorBurstCount));
        Assert.Equal(ReturnReason.Damaged, policy.Returns.FeeWaivedFor[0]);
    }

    [Fact]
    public void Parse_AMisspeltSetting_NamesLineColumnPathAndTheLikelyName()
    {
        var json = "{\n  \"tone\": \"Formal\",\n  \"compensation\": { \"caps\": { \"maxPerCustomr\": 2 } }\n}";

        var error = Assert.Single(Assert.Throws<FieldValidationException>(() => SatisfactionPolicyJson.Parse(json, "policy.json")).Errors);

        Assert.Equal(FieldErrorCodes.Unknown, error.Code);
        Assert.Equal("maxPerCustomr", error.AttemptedValue);
        Assert.StartsWith("field 'policy.json:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.compensation.caps", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'MaxPerCustomer'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"tone\": \"Sarcastic\" }", "$.tone")]
    [InlineData("{ \"tone\": 2 }", "$.tone")]
    [InlineData("{ \"compensation\": { \"caps\": { \"period\": \"ninety days\" } } }", "$.compensation.caps.period")]
    [InlineData("{ \"returns\": { \"returnFee\": \"29,90\" } }", "$.returns.returnFee")]
    [InlineData("{ \"compensation\": { \"rules\": { \"LateDelivry\": {} } } }", "$.compensation.rules")]
    [InlineData("{ \"tone\": \"Formal\" ", "$")]
    public void Parse_AWrongValue_NamesItsPath(string json, string path)
    {
        var error = Assert.Single(Assert.Throws<FieldValidationException>(() => SatisfactionPolicyJson.Parse(json)).Errors);

        Assert.Contains($"({path}", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AValidDocumentWithAnInvalidPolicy_ListsEveryProblem()
    {
        var json = """{ "compensation": { "caps": { "maxPerCustomer": -1, "period": "0s" } }, "returns": { "returnWindowDays": 400 } }""";

        var refused = Assert.Throws<FieldValidationException>(() => SatisfactionPolicyJson.Parse(json, "p.json"));

        Assert.Equal(
            ["p.json:$.Compensation.Caps.MaxPerCustomer", "p.json:$.Compensation.Caps.Period", "p.json:$.Returns.ReturnWindowDays"],
            refused.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Parse_ABadCalendarOrTarget_IsNamedUnderItsOwnSection()
    {
        var badCalendar = """{ "calendar": { "timeZone": "Europe/Istanbull" } }""";
        var badTarget = """{ "sla": { "channels": { "Email": { "firstResponse": "soon" } } } }""";

        var calendar = Assert.Throws<FieldValidationException>(() => SatisfactionPolicyJson.Parse(badCalendar, "p.json"));
        var target = Assert.Throws<FieldValidationException>(() => SatisfactionPolicyJson.Parse(badTarget, "p.json"));

        Assert.All(calendar.Errors, e => Assert.StartsWith("p.json:$.Calendar.", e.Field, StringComparison.Ordinal));
        Assert.All(target.Errors, e => Assert.StartsWith("p.json:$.Sla.", e.Field, StringComparison.Ordinal));
        Assert.Contains(target.Errors, e => e.AttemptedValue == "soon");
    }

    [Fact]
    public async Task UsePolicyFile_LoadsTheFile_AndABrokenFileFailsAtRegistration()
    {
        var path = Path.Combine(Path.GetTempPath(), "customercare-policy-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            await File.WriteAllTextAsync(path, Valid);
            var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
            services.AddCustomerCare().UsePolicyFile(path);
            await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
            var options = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IOptions<CustomerCareOptions>>(provider).Value;

            await File.WriteAllTextAsync(path, "{ \"tone\": ");
            var broken = Assert.Throws<FieldValidationException>(() => new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddCustomerCare().UsePolicyFile(path));

            Assert.Equal(ToneOfVoice.Witty, options.Policy.Tone);
            Assert.StartsWith("field '" + path + ":1:", broken.Errors[0].Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
