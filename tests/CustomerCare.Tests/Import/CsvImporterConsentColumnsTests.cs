using CustomerCare.Privacy.Consent;
using CustomerCare.Tests.Support;
using NodaTime;

namespace CustomerCare.Tests.Import;

public sealed class CsvImporterConsentColumnsTests : IDisposable
{
    private const string Header = "customer_id,given_name,birthday,signed_up_at,accepts_marketing,birthday_set_at";
    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("yes", true)]
    [InlineData("0", false)]
    [InlineData("EVET", true)]
    [InlineData("HAYIR", false)]
    [InlineData("hayır", false)]
    [InlineData("", false)]
    public async Task AcceptsMarketing_ReadsEveryYesNoSpelling_UnderTheTurkishCulture(string text, bool expected)
    {
        using var turkish = new TurkishCulture();
        await _harness.Importer.ImportAsync(Sources($"C1,Ayşe,1990-05-17,2024-01-15T10:15:00Z,{text},"));

        var customer = await _harness.CustomerAsync("C1");
        var ledger = await _harness.Consents.StateAsync(customer.Id);
        Assert.All(Enum.GetValues<ConsentChannel>(), channel => Assert.Equal(expected, ledger.Allows(ConsentPurpose.Marketing, channel)));
        Assert.Equal(ledger, customer.Consents);
        Assert.False(ledger.Allows(ConsentPurpose.Surveys, ConsentChannel.Email));
    }

    [Fact]
    public async Task AcceptsMarketing_BecomesImportGrantsAtSignUp_WithStableIds()
    {
        await _harness.Importer.ImportAsync(Sources("C1,Ayşe,1990-05-17,2024-01-15T10:15:00Z,evet,"));

        var history = await _harness.Consents.HistoryAsync(CustomerCare.Customers.CustomerId.From("C1"));
        Assert.Equal(4, history.Count);
        Assert.All(history, r => Assert.Equal((ConsentAction.Grant, ConsentSource.Import, Instant.FromUtc(2024, 1, 15, 10, 15)), (r.Action, r.Source, r.RecordedAt)));
        Assert.Equal("import:customer:C1:accepts_marketing:email", history.Single(r => r.Channel == ConsentChannel.Email).Id);
    }

    [Fact]
    public async Task ARefusedImport_WritesNoCustomerAndNoConsent()
    {
        await _harness.RefusedAsync(Csv.Lines(Header, "C1,Ayşe,1990-05-17,2024-01-15T10:15:00Z,true,", "C2,Mehmet,1990-02-30,2024-01-15T10:15:00Z,true,"), Csv.Orders());

        Assert.Equal(0, await _harness.Consents.CountAsync());
    }

    [Fact]
    public async Task BirthdaySetAt_IsKept_SoTheAntiGamingRuleSeesIt()
    {
        await _harness.Importer.ImportAsync(Sources("C1,Ayşe,1990-05-17,2024-01-15T10:15:00Z,true,2025-06-01T12:00:00+03:00"));

        Assert.Equal(Instant.FromUtc(2025, 6, 1, 9, 0), (await _harness.CustomerAsync("C1")).BirthdaySetAt);
    }

    [Theory]
    [InlineData("C1,Ayşe,1990-05-17,2024-01-15T10:15:00Z,maybe,", 5, "accepts_marketing", "maybe", "is not a yes/no value")]
    [InlineData("C1,Ayşe,1990-05-17,2024-01-15T10:15:00Z,true,2099-01-01T00:00:00Z", 6, "birthday_set_at", "2099-01-01T00:00:00Z", "is in the future")]
    [InlineData("C1,Ayşe,,2024-01-15T10:15:00Z,true,2025-01-01T00:00:00Z", 6, "birthday_set_at", "2025-01-01T00:00:00Z", "has no birthday")]
    [InlineData("C1,Ayşe,1990-05-17,2024-01-15T10:15:00Z,true,2025-01-01", 6, "birthday_set_at", "2025-01-01", "")]
    public async Task ABadValue_IsRefusedWithLineColumnAndValue_AndNothingIsWritten(string row, int column, string name, string value, string reason)
    {
        var refused = await _harness.RefusedAsync(Csv.Lines(Header, row), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 2, column, name, value), (error.File, error.Line, error.Column, error.ColumnName, error.Value));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Null(await _harness.Store.FindAsync(CustomerCare.Customers.CustomerId.From("C1")));
    }

    private static CustomerCare.Import.CsvImportSources Sources(string row) =>
        new(CustomerCare.Import.CsvSource.FromText("customers.csv", Csv.Lines(Header, row)), CustomerCare.Import.CsvSource.FromText("orders.csv", Csv.Orders()));
}
