using System.Text;
using CustomerCare.Import;

namespace CustomerCare.Tests.Import;

public sealed class CsvImporterMalformedCsvTests : IDisposable
{
    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Import_UnterminatedQuote_IsRefusedAtTheLineWhereTheQuoteOpens()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse, "C2,\"Mehmet,Demir,,,,Ankara,2024-02-01T09:00:00Z", Csv.Ayse.Replace("C1", "C3", StringComparison.Ordinal)), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 3, 2, "given_name", CsvErrorCodes.UnterminatedQuote), (error.File, error.Line, error.Column, error.ColumnName, error.Code));
        Assert.Contains("never closed", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_QuoteInsideUnquotedField_IsRefusedWithLineAndColumn()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse, "C2,Meh\"met,Demir,,,,Ankara,2024-02-01T09:00:00Z"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 3, 2, CsvErrorCodes.QuoteInUnquotedField), (error.File, error.Line, error.Column, error.Code));
    }

    [Fact]
    public async Task Import_TextAfterClosingQuote_IsRefusedWithLineAndColumn()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers("C2,Mehmet,\"Demir\"oğlu,,,,Ankara,2024-02-01T09:00:00Z", Csv.Ayse), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 2, 3, "family_name", CsvErrorCodes.TextAfterClosingQuote), (error.File, error.Line, error.Column, error.ColumnName, error.Code));
    }

    [Fact]
    public async Task Import_RecordWithMoreFieldsThanHeader_PointsAtFirstExtraField()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse, Csv.Mehmet + ",extra"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 3, 9, CsvErrorCodes.FieldCount), (error.File, error.Line, error.Column, error.Code));
        Assert.Contains("has 9 fields but the header has 8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RecordWithFewerFieldsThanHeader_NamesTheFirstMissingColumn()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers("C2,Mehmet,Demir,,,,Ankara"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 2, 8, "signed_up_at", CsvErrorCodes.FieldCount), (error.File, error.Line, error.Column, error.ColumnName, error.Code));
    }

    [Fact]
    public async Task Import_DuplicateHeader_PointsAtTheSecondAndNamesTheFirst()
    {
        var refused = await _harness.RefusedAsync(Csv.Lines("customer_id,given_name,signed_up_at,Given_Name", "C1,Ayşe,2024-01-15T10:15:00Z,Ayşe"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 1, 4, "given_name", CsvErrorCodes.DuplicateColumn), (error.File, error.Line, error.Column, error.ColumnName, error.Code));
        Assert.Contains("first given at column 2", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownHeader_NamesTheClosestKnownColumn()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Lines("order_id,customer_id,placed_at,totl,status", "O1,C1,2025-01-10T10:00:00Z,10.00,placed"));

        Assert.Collection(
            refused.Errors,
            e => Assert.Equal(("orders.csv", 1, 0, "total", CsvErrorCodes.MissingColumn), (e.File, e.Line, e.Column, e.ColumnName, e.Code)),
            e =>
            {
                Assert.Equal(("orders.csv", 1, 4, "totl", CsvErrorCodes.UnknownColumn), (e.File, e.Line, e.Column, e.ColumnName, e.Code));
                Assert.Equal("orders.csv:1:4 (totl): header 'totl' is not a column of this file; did you mean 'total'?", e.ToString());
            });
    }

    [Fact]
    public async Task Import_MissingRequiredColumn_IsNamed()
    {
        var refused = await _harness.RefusedAsync(Csv.Lines("customer_id,given_name", "C1,Ayşe"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 1, 0, "signed_up_at", CsvErrorCodes.MissingColumn), (error.File, error.Line, error.Column, error.ColumnName, error.Code));
        Assert.Equal("customers.csv:1 (signed_up_at): the required column 'signed_up_at' is missing from the header", error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\r\n")]
    public async Task Import_EmptyFile_IsRefused(string text)
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), text);

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("orders.csv", 1, CsvErrorCodes.EmptyFile), (error.File, error.Line, error.Code));
    }

    [Fact]
    public async Task Import_QuotedMultiLineField_ReportsTheLineWhereTheRecordStarts()
    {
        var refused = await _harness.RefusedAsync(
            Csv.Customers(Csv.Ayse),
            Csv.Orders(),
            Csv.Reviews(
                "R1,C1,P-1,5,2025-01-20T10:00:00Z,,\"Çok\ngüzel\nbir ürün\"",
                "R2,C1,P-1,9,2025-01-20T10:00:00Z,,\"İki\r\nsatır\"",
                "R3,C1,P-1,0,2025-01-20T10:00:00Z,,tek satır"));

        Assert.Collection(
            refused.Errors,
            e => Assert.Equal(("reviews.csv", 5, 4, "rating", "9"), (e.File, e.Line, e.Column, e.ColumnName, e.Value)),
            e => Assert.Equal(("reviews.csv", 7, 4, "rating", "0"), (e.File, e.Line, e.Column, e.ColumnName, e.Value)));
    }

    [Fact]
    public async Task Import_FieldLongerThanLimit_IsRefusedWithItsColumn()
    {
        var city = new string('a', CsvLimits.MaxFieldLength + 1);

        var refused = await _harness.RefusedAsync(Csv.Customers($"C1,Ayşe,,,,,{city},2024-01-15T10:15:00Z"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 2, 7, "city", CsvErrorCodes.FieldTooLong), (error.File, error.Line, error.Column, error.ColumnName, error.Code));
        Assert.Contains("4,096", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FileLargerThanLimit_IsRefusedBeforeReading()
    {
        var orders = _harness.File("orders.csv", Csv.Orders());
        using (var stream = new FileStream(orders.Path!, FileMode.Open, FileAccess.Write))
        {
            // A sparse file: the size is real, but no 512 MiB are written to disk.
            stream.SetLength(CsvLimits.MaxFileBytes + 1);
        }

        var refused = await Assert.ThrowsAsync<CsvImportException>(() =>
            _harness.Importer.ImportAsync(new CsvImportSources(_harness.File("customers.csv", Csv.Customers(Csv.Ayse)), orders)).AsTask());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("orders.csv", 0, CsvErrorCodes.FileTooLarge), (error.File, error.Line, error.Code));
        await _harness.AssertStoreEmptyAsync();
    }

    [Fact]
    public async Task Import_MoreRowsThanLimit_IsRefusedAtTheFirstRowPastIt()
    {
        _harness.Importer = new Importer(_harness) { MaxRows = 2 }.Create();

        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse, Csv.Mehmet, Csv.Ayse.Replace("C1", "C3", StringComparison.Ordinal)), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 4, CsvErrorCodes.TooManyRows), (error.File, error.Line, error.Code));
    }

    [Fact]
    public async Task Import_BytesThatAreNotUtf8_AreRefused()
    {
        // "İstanbul" saved as Windows-1254: 0xDD is not valid UTF-8 on its own.
        var bytes = Encoding.ASCII.GetBytes(Csv.CustomersHeader + "\nC1,Ay,,,,,").Concat(new byte[] { 0xDD }).Concat(Encoding.ASCII.GetBytes("stanbul,2024-01-15T10:15:00Z\n")).ToArray();

        var refused = await Assert.ThrowsAsync<CsvImportException>(() =>
            _harness.Importer.ImportAsync(new CsvImportSources(_harness.Bytes("customers.csv", bytes), _harness.File("orders.csv", Csv.Orders()))).AsTask());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", CsvErrorCodes.InvalidEncoding), (error.File, error.Code));
        await _harness.AssertStoreEmptyAsync();
    }

    [Fact]
    public async Task Import_MoreErrorsThanLimit_StopsAtTheLimitAndSaysMoreWereCut()
    {
        var rows = Enumerable.Range(1, 150).Select(i => $"C{i},Ad{i},,,,,,yesterday").ToArray();

        var refused = await _harness.RefusedAsync(Csv.Customers(rows), Csv.Orders());

        Assert.Equal(CsvLimits.MaxErrors, refused.Errors.Count);
        Assert.True(refused.MoreErrorsCut);
        Assert.Contains("more than 100 errors", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(2, 100), refused.Errors.Select(e => e.Line));
    }

    [Fact]
    public async Task Import_MissingFile_IsRefusedWithItsName()
    {
        var missing = CsvSource.FromFile(Path.Combine(_harness.Folder, "nope.csv"));

        var refused = await Assert.ThrowsAsync<CsvImportException>(() =>
            _harness.Importer.ImportAsync(new CsvImportSources(_harness.File("customers.csv", Csv.Customers(Csv.Ayse)), missing)).AsTask());

        Assert.Equal(("nope.csv", CsvErrorCodes.FileNotFound), (refused.Errors[0].File, refused.Errors[0].Code));
        await _harness.AssertStoreEmptyAsync();
    }

    private sealed record Importer(ImportHarness Harness)
    {
        public int MaxRows { get; init; } = CsvLimits.MaxRows;

        public CsvImporter Create() => new(Harness.Store, Harness.Consents, Harness.Clock, Microsoft.Extensions.Options.Options.Create(new CustomerCareOptions()))
        {
            Limits = CsvReaderLimits.Default with { MaxRows = MaxRows },
        };
    }
}
