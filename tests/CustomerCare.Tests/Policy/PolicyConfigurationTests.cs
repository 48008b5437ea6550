using CustomerCare.Complaints;
using CustomerCare.Policy;
using CustomerCare.Policy.Promises;
using CustomerCare.Policy.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Tests.Policy;

public sealed class PolicyConfigurationTests
{
    [Fact]
    public void ThePolicy_BindsFromConfiguration_AndDrivesTheRegisteredServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Policy:Tone"] = "Formal",
            ["Policy:Calendar:Hours:0:Days"] = "Mon-Sat",
            ["Policy:Calendar:Hours:0:Slots:0"] = "10:00-19:00",
            ["Policy:Sla:Channels:Email:FirstResponse"] = "4h",
            ["Policy:Compensation:Rules:LateDelivery:CouponDefinitionId"] = "sorry-late",
            ["Policy:Compensation:Rules:LateDelivery:ValidFor"] = "30:00:00:00",
            ["Policy:Compensation:Caps:MaxPerCustomer"] = "2",
            ["Policy:Returns:ReturnWindowDays"] = "30",
            ["Policy:Assignment:Teams:Email:0"] = "elif",
            ["Policy:Assignment:Teams:Email:1"] = "burak",
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerCare(configuration);
        using var provider = services.BuildServiceProvider();

        var policy = provider.GetRequiredService<IOptions<CustomerCareOptions>>().Value.Policy;
        var sla = provider.GetRequiredService<SlaPolicy>();

        Assert.Equal(ToneOfVoice.Formal, policy.Tone);
        Assert.Equal(Duration.FromHours(4), sla.Targets.TargetFor(ComplaintChannel.Email, ComplaintPriority.Normal, SlaMetric.FirstResponse));
        Assert.True(sla.BusinessCalendar.IsOpen(Instant.FromUtc(2027, 6, 5, 8, 0)));
        Assert.Equal(("sorry-late", Duration.FromDays(30), 2), (policy.Compensation.Rules[BrokenPromiseKind.LateDelivery].CouponDefinitionId, policy.Compensation.Rules[BrokenPromiseKind.LateDelivery].ValidFor, policy.Compensation.Caps.MaxPerCustomer));
        Assert.Equal(30, policy.Returns.ReturnWindowDays);
        Assert.Equal(["elif", "burak"], policy.Assignment.Teams[ComplaintChannel.Email]);
    }

    [Fact]
    public void ABadSettingInConfiguration_FailsAtStart_WithTheConfigurationPath()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Policy:Calendar:TimeZone"] = "Europe/Istanbull",
        }).Build();
        var services = new ServiceCollection();
        services.AddCustomerCare(configuration);
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CustomerCareOptions>>().Value);

        Assert.Contains("CustomerCare:Policy.Calendar.", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Europe/Istanbull", refused.Message, StringComparison.Ordinal);
    }
}
