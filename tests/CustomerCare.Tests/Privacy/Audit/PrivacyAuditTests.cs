using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Privacy.Audit;
using CustomerCare.Privacy.Consent;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Privacy.Export;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Privacy.Audit;

/// <summary>Consent changes, exports and erasures each leave an entry in the audit log, without the customer's personal data.</summary>
public sealed class PrivacyAuditTests : IAsyncDisposable
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 3, 1, 9, 0));
    private readonly ServiceProvider _provider;

    public PrivacyAuditTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddCustomerCare();
        _provider = services.BuildServiceProvider();
    }

    [Fact]
    public async Task ConsentExportAndErasure_AreAudited_InOneUnbrokenChain_WithoutTheCustomersEmailOrName()
    {
        var customer = new CustomerBuilder().WithId("c-audit").Named("Işıl", "Şahin").WithEmail("isil.sahin@example.com.tr").Build();
        await _provider.GetRequiredService<CustomerEventProcessor>().ApplyAsync(new CommerceEvents("reg").Registered(customer));
        var consent = new ConsentRecord("g-1", customer.Id, ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, ConsentSource.WebForm, _clock.GetCurrentInstant(), "2027-01", "IP 203.0.113.9");

        await _provider.GetRequiredService<ConsentService>().RecordAsync(consent);
        await _provider.GetRequiredService<ConsentService>().RecordAsync(consent);
        await _provider.GetRequiredService<CustomerDataExporter>().ExportAsync(customer.Id);
        await _provider.GetRequiredService<CustomerEraser>().EraseAsync(customer.Id);

        var entries = await _provider.GetRequiredService<IAuditLog>().ReadAsync(1, 100);
        Assert.Equal([AuditActionKind.ConsentChange, AuditActionKind.Export, AuditActionKind.Erasure], entries.Select(e => e.Kind));
        Assert.All(entries, e => Assert.Equal("c-audit", e.Subject));
        Assert.Equal("grant:marketing/email=1", entries[0].Details);
        Assert.Contains("complete=True", entries[2].Details, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain("sahin", e.Details, StringComparison.OrdinalIgnoreCase));
        Assert.True(AuditChain.Verify(entries).IsValid);
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
