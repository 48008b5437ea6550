using System.Text;
using CustomerCare.Customers;
using CustomerCare.Import;
using CustomerCare.Orders;
using CustomerCare.Privacy.Consent;
using CustomerCare.Privacy.Consent.Iys;
using CustomerCare.Storage;
using CustomerCare.Testing;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Privacy;

public sealed class IysConsentTests : IDisposable
{
    private const string Header = "recipient,type,status,source,consentDate,recipientType";
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 9, 0);
    private readonly string _folder = Directory.CreateTempSubdirectory("customercare-iys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Export_ThenImportIntoAnotherStore_GivesTheSameMarketingConsents_UnderTheTurkishCulture()
    {
        using var turkish = new TurkishCulture();
        await using var source = await HostAsync();
        var consents = source.GetRequiredService<ConsentService>();
        await consents.RecordAllAsync(
        [
            Record("1", "c-1", ConsentChannel.Email, ConsentAction.Grant, ConsentSource.WebForm, Now - Duration.FromDays(30)),
            Record("2", "c-1", ConsentChannel.Sms, ConsentAction.Grant, ConsentSource.Checkout, Now - Duration.FromDays(30)),
            Record("3", "c-1", ConsentChannel.Sms, ConsentAction.Withdraw, ConsentSource.SupportCall, Now - Duration.FromDays(2)),
            Record("4", "c-2", ConsentChannel.Phone, ConsentAction.Grant, ConsentSource.From("in_store"), Now - Duration.FromDays(9)),
            Record("5", "c-2", ConsentChannel.Push, ConsentAction.Grant, ConsentSource.WebForm, Now - Duration.FromDays(9)),
            Record("6", "c-3", ConsentChannel.Email, ConsentAction.Grant, ConsentSource.Import, Now - Duration.FromDays(1)),
        ]);
        var path = Path.Combine(_folder, "iys.csv");

        (int Rows, int Skipped) exported;
        await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            exported = await source.GetRequiredService<IysConsentExporter>().ExportAsync(writer);
        }

        await using var target = await HostAsync();
        var summary = await target.GetRequiredService<IysConsentImporter>().ImportAsync(CsvSource.FromFile(path));

        Assert.Equal((4, 1), exported);
        Assert.Equal(new IysImportSummary(4, 4, 3), summary);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(Header, lines[0]);
        Assert.Contains("c-1@example.com.tr,EPOSTA,ONAY,HS_WEB,2027-01-30 12:00:00,BIREYSEL", lines);
        Assert.Contains("+905320000001,MESAJ,RET,HS_CAGRI_MERKEZI,2027-02-27 12:00:00,BIREYSEL", lines);
        Assert.Contains("+905320000002,ARAMA,ONAY,HS_FIZIKSEL_ORTAM,2027-02-20 12:00:00,BIREYSEL", lines);
        Assert.Contains("c-3@example.com.tr,EPOSTA,ONAY,HS_EORTAM,2027-02-28 12:00:00,BIREYSEL", lines);
        foreach (var id in new[] { "c-1", "c-2", "c-3" })
        {
            var expected = Iys(await source.GetRequiredService<IConsentLedger>().StateAsync(CustomerId.From(id)));
            Assert.Equal(expected, Iys(await target.GetRequiredService<IConsentLedger>().StateAsync(CustomerId.From(id))));
            Assert.Equal(expected, Iys((await target.GetRequiredService<ICustomerStore>().FindAsync(CustomerId.From(id)))!.Consents));
        }
    }

    [Fact]
    public async Task Import_TheSameFileTwice_AppendsNothingTheSecondTime()
    {
        await using var host = await HostAsync();
        var importer = host.GetRequiredService<IysConsentImporter>();
        var file = Write("twice.csv", Header, "C-1@Example.com.tr,EPOSTA,ONAY,HS_WEB,2027-01-05 10:30:00,TACIR", "+905320000001,MESAJ,RET,IYS_WEB,2027-01-06 08:00:00,BIREYSEL");

        var first = await importer.ImportAsync(file, "iys-2027");
        var second = await importer.ImportAsync(file, "iys-2027");

        Assert.Equal((2, 2), (first.Rows, first.Appended));
        Assert.Equal((2, 0), (second.Rows, second.Appended));
        var history = await host.GetRequiredService<IConsentLedger>().HistoryAsync(CustomerId.From("c-1"));
        Assert.Equal([(ConsentChannel.Email, ConsentAction.Grant, "web_form"), (ConsentChannel.Sms, ConsentAction.Withdraw, "iys")], history.Select(r => (r.Channel, r.Action, r.Source.Value)));
        Assert.Equal(Instant.FromUtc(2027, 1, 5, 7, 30), history[0].RecordedAt);
        Assert.Contains("recipientType=TACIR", history[0].Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c-1@example.com.tr,FAKS,ONAY,HS_WEB,2027-01-05 10:30:00,BIREYSEL", 2, "type", "FAKS", "is not an İYS type")]
    [InlineData("c-1@example.com.tr,EPOSTA,EVET,HS_WEB,2027-01-05 10:30:00,BIREYSEL", 3, "status", "EVET", "is not an İYS status")]
    [InlineData("05320000001,MESAJ,ONAY,HS_WEB,2027-01-05 10:30:00,BIREYSEL", 1, "recipient", "05320000001", "+90 form")]
    [InlineData("not-an-address,EPOSTA,ONAY,HS_WEB,2027-01-05 10:30:00,BIREYSEL", 1, "recipient", "not-an-address", "")]
    [InlineData("c-1@example.com.tr,EPOSTA,ONAY,HS_UYDU,2027-01-05 10:30:00,BIREYSEL", 4, "source", "HS_UYDU", "is not an İYS source")]
    [InlineData("c-1@example.com.tr,EPOSTA,ONAY,HS_WEB,05.01.2027 10:30,BIREYSEL", 5, "consentDate", "05.01.2027 10:30", "yyyy-MM-dd HH:mm:ss")]
    [InlineData("c-1@example.com.tr,EPOSTA,ONAY,HS_WEB,2027-02-30 10:30:00,BIREYSEL", 5, "consentDate", "2027-02-30 10:30:00", "yyyy-MM-dd HH:mm:ss")]
    [InlineData("c-1@example.com.tr,EPOSTA,ONAY,HS_WEB,2099-01-05 10:30:00,BIREYSEL", 5, "consentDate", "2099-01-05 10:30:00", "in the future")]
    [InlineData("c-1@example.com.tr,EPOSTA,ONAY,HS_WEB,2027-01-05 10:30:00,ŞİRKET", 6, "recipientType", "ŞİRKET", "BIREYSEL or TACIR")]
    [InlineData("nobody@example.com.tr,EPOSTA,ONAY,HS_WEB,2027-01-05 10:30:00,BIREYSEL", 1, "recipient", "nobody@example.com.tr", "matches no customer")]
    public async Task Import_ABadRow_IsRefusedWithLineColumnFieldAndValue_AndNothingIsWritten(string row, int column, string field, string value, string reason)
    {
        await using var host = await HostAsync();
        var good = "c-2@example.com.tr,EPOSTA,ONAY,HS_WEB,2027-01-05 10:30:00,BIREYSEL";

        var refused = await Assert.ThrowsAsync<CsvImportException>(async () =>
            await host.GetRequiredService<IysConsentImporter>().ImportAsync(Write("bad.csv", Header, good, row)));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("bad.csv", 3, column, field, value), (error.File, error.Line, error.Column, error.ColumnName, error.Value));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await host.GetRequiredService<IConsentLedger>().CountAsync());
    }

    [Fact]
    public async Task Import_AFileWithoutARequiredColumn_IsRefused()
    {
        await using var host = await HostAsync();

        var refused = await Assert.ThrowsAsync<CsvImportException>(async () =>
            await host.GetRequiredService<IysConsentImporter>().ImportAsync(Write("short.csv", "recipient,type,status,source,consentDate", "c-1@example.com.tr,EPOSTA,ONAY,HS_WEB,2027-01-05 10:30:00")));

        Assert.Contains(refused.Errors, e => e.Reason.Contains("recipientType", StringComparison.Ordinal));
    }

    private static async Task<ServiceProvider> HostAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Now));
        services.AddCustomerCare();
        var provider = services.BuildServiceProvider();
        var processor = provider.GetRequiredService<CustomerEventProcessor>();
        var events = new CommerceEvents("iys");
        for (var i = 1; i <= 3; i++)
        {
            var id = "c-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await processor.ApplyAsync(events.Registered(new CustomerBuilder().WithId(id).WithEmail(id + "@example.com.tr").WithPhone("+90532000000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Build()));
        }

        return provider;
    }

    private static ConsentRecord Record(string id, string customer, ConsentChannel channel, ConsentAction action, ConsentSource source, Instant at) =>
        new(id, CustomerId.From(customer), ConsentPurpose.Marketing, channel, action, source, at, "2026-03");

    /// <summary>The part of a state İYS carries: marketing on e-mail, SMS and calls.</summary>
    private static (bool Email, bool Sms, bool Phone) Iys(ConsentState state) =>
        (state.Allows(ConsentPurpose.Marketing, ConsentChannel.Email), state.Allows(ConsentPurpose.Marketing, ConsentChannel.Sms), state.Allows(ConsentPurpose.Marketing, ConsentChannel.Phone));

    private CsvSource Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return CsvSource.FromFile(path);
    }
}
