using CustomerCare.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerCare.MailKit.Tests;

public sealed class SmtpChannelRegistrationTests
{
    [Fact]
    public void UseSmtp_FromConfiguration_BindsEveryOption_AndRegistersTheEmailChannelOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "smtp.example.com.tr",
            ["Smtp:Port"] = "465",
            ["Smtp:SecureSocket"] = "SslOnConnect",
            ["Smtp:UserName"] = "care",
            ["Smtp:Password"] = "s3cret",
            ["Smtp:From"] = "destek@example.com.tr",
            ["Smtp:FromName"] = "Müşteri Hizmetleri",
            ["Smtp:MessageIdDomain"] = "mail.example.com.tr",
            ["Smtp:ConnectTimeout"] = "00:00:15",
            ["Smtp:CommandTimeout"] = "00:01:30",
        }).Build();
        var services = new ServiceCollection();

        services.AddCustomerCare().UseSmtp(configuration.GetSection("Smtp")).UseSmtp(configuration.GetSection("Smtp"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SmtpChannelOptions>>().Value;
        Assert.Equal(
            ("smtp.example.com.tr", 465, SmtpSecureSocket.SslOnConnect, "care", "s3cret", "destek@example.com.tr", "Müşteri Hizmetleri", "mail.example.com.tr", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(90)),
            (options.Host, options.Port, options.SecureSocket, options.UserName, options.Password, options.From, options.FromName, options.MessageIdDomain, options.ConnectTimeout, options.CommandTimeout));
        var channel = Assert.Single(provider.GetServices<IOutboundChannel>());
        Assert.Equal("email", channel.Name);
        Assert.Same(provider.GetRequiredService<SmtpChannel>(), channel.GetService(typeof(SmtpChannel)));
    }

    [Fact]
    public async Task UseSmtp_WithBadOptions_StopsTheHostFromStarting_NamingEachOptionAndValue()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCustomerCare().UseSmtp(o =>
        {
            o.Host = "";
            o.Port = 70000;
            o.From = "destek.example.com";
            o.UserName = "care";
            o.ConnectTimeout = TimeSpan.Zero;
        });
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "field 'Smtp.Host': value '' is required",
                "field 'Smtp.Port': value '70000' must be between 1 and 65535",
                "field 'Smtp.Password': value (missing) is required when a UserName is set",
                "field 'Smtp.From': value 'destek.example.com' is not an e-mail address: it has no '@'",
                "field 'Smtp.ConnectTimeout': value '00:00:00' must be positive and at most 00:10:00",
            ],
            refused.Failures);
    }

    [Fact]
    public void TheConstructor_RefusesBadOptions_ListingEveryProblem_WithoutEchoingThePassword()
    {
        var options = new SmtpChannelOptions
        {
            Host = "smtp example com",
            From = "destek@example.com.tr",
            Password = "s3cret",
            MessageIdDomain = "-bad-.example",
            SecureSocket = (SmtpSecureSocket)9,
            CommandTimeout = TimeSpan.FromHours(1),
        };

        var refused = Assert.Throws<FieldValidationException>(() => new SmtpChannel(options, Support.TestChannels.Clock()));

        Assert.Equal(["Host", "SecureSocket", "UserName", "MessageIdDomain", "CommandTimeout"], refused.Errors.Select(e => e.Field));
        Assert.Equal("field 'MessageIdDomain': value '-bad-.example' is not a domain name: labels of letters, digits and inner hyphens separated by single dots are expected", refused.Errors[3].Message);
        Assert.DoesNotContain("s3cret", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAMessageIdDomain_TheFromDomainIsUsed_InItsAsciiForm()
    {
        var options = Support.TestChannels.Options("127.0.0.1", 25);
        options.MessageIdDomain = null;

        Assert.Equal("xn--maaza-l1a.example.com.tr", options.ResolvedMessageIdDomain());
    }
}
