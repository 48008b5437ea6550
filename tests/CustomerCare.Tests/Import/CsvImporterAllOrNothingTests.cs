using System.Globalization;
using System.Text;
using CustomerCare.Customers;
using CustomerCare.Import;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;

namespace CustomerCare.Tests.Import;

public sealed class CsvImporterAllOrNothingTests : IDisposable
{
    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Import_BadRowInTheMiddleOfABigFile_WritesNothing()
    {
        const int customers = 2_000;
        const int orders = 6_000;
        var customerRows = new StringBuilder(Csv.CustomersHeader).Append('\n');
        for (var i = 0; i < customers; i++)
        {
            customerRows.Append(CultureInfo.InvariantCulture, $"C{i},Müşteri{i},Soyadı,c{i}@example.com.tr,Europe/Istanbul,,İzmir,2024-01-01T00:00:00Z\n");
        }

        var orderRows = new StringBuilder(Csv.OrdersHeader).Append('\n');
        for (var i = 0; i < orders; i++)
        {
            var total = i == orders / 2 ? "12.3.4" : "99.90";
            orderRows.Append(Csv.Order($"O{i}", $"C{i % customers}", "2025-01-10T10:00:00Z", total, "delivered", delivered: "2025-01-12T10:00:00Z")).Append('\n');
        }

        var refused = await _harness.RefusedAsync(customerRows.ToString(), orderRows.ToString());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("orders.csv", (orders / 2) + 2, 4, "total", "12.3.4"), (error.File, error.Line, error.Column, error.ColumnName, error.Value));
        Assert.False(await _harness.Store.ContainsAsync(EventId.From("import:customer:C0")));
        Assert.False(await _harness.Store.ContainsAsync(EventId.From("import:order:O0:placed")));
    }

    [Fact]
    public async Task Import_SameFilesTwice_IsRefusedTheSecondTimeAndChangesNothing()
    {
        var customers = Csv.Customers(Csv.Ayse, Csv.Mehmet);
        var orders = Csv.Orders(
            Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "100.00", "delivered", delivered: "2025-01-12T10:00:00Z"),
            Csv.Order("O2", "C2", "2025-01-11T10:00:00Z", "50.00", "placed"));
        var reviews = Csv.Reviews("R1,C1,P-1,5,2025-01-20T10:00:00Z,O1,İyi");
        await _harness.ImportAsync(customers, orders, reviews);
        var before = await SnapshotAsync();

        var refused = await Assert.ThrowsAsync<CsvImportException>(() => _harness.ImportAsync(customers, orders, reviews).AsTask());

        Assert.All(refused.Errors, e => Assert.Equal(CsvErrorCodes.AlreadyExists, e.Code));
        Assert.Equal(
            ["customers.csv:2 customer_id", "customers.csv:3 customer_id", "orders.csv:2 order_id", "orders.csv:3 order_id", "reviews.csv:2 review_id"],
            refused.Errors.Select(e => $"{e.File}:{e.Line} {e.ColumnName}"));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_SecondImportWithOneBadRow_LeavesTheFirstImportUntouched()
    {
        await _harness.ImportAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "100.00", "placed")));
        var before = await SnapshotAsync();

        await Assert.ThrowsAsync<CsvImportException>(() => _harness.ImportAsync(
            Csv.Customers(Csv.Mehmet),
            Csv.Orders(
                Csv.Order("O2", "C1", "2025-02-10T10:00:00Z", "30.00", "placed"),
                Csv.Order("O3", "C2", "2025-02-10T10:00:00Z", "30.00", "shipped"))).AsTask());

        Assert.Equal(before, await SnapshotAsync());
        Assert.Null(await _harness.Store.FindAsync(CustomerId.From("C2")));
    }

    [Fact]
    public async Task Import_EventRecordedByAnotherWriterBeforeTheCommit_IsRefusedAsStoreChanged()
    {
        // Another writer recorded the order's placement in the ledger without the order itself: the checks pass, the
        // single commit does not, and nothing of the import may be written.
        var other = new ProcessedEvent(EventId.From("import:order:O1:placed"), "order_placed", CustomerId.From("C1"), ImportHarness.Now);
        Assert.True((await _harness.Store.CommitAsync(new CustomerChangeSet { Events = [other] })).IsCommitted);

        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "placed")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("orders.csv", 2, CsvErrorCodes.StoreChanged, "import:order:O1:placed"), (error.File, error.Line, error.Code, error.Value));
        Assert.Contains("the store changed while the import ran", error.Reason, StringComparison.Ordinal);
        Assert.False(await _harness.Store.ContainsAsync(EventId.From("import:customer:C1")));
    }

    private async Task<string> SnapshotAsync()
    {
        var customers = await _harness.Store.ListAsync(new Specification<Customer>());
        var orders = await _harness.Store.ListOrdersAsync(new Specification<Order>());
        return string.Join('\n', customers.Select(c => $"{c.Id}|v{c.Version}|{c.Stats.OrderCount}|{c.Stats.TotalSpend}|{c.Engagement.ReviewCount}"))
            + "\n" + string.Join('\n', orders.Select(o => $"{o.Id}|v{o.Version}|{o.Status}"));
    }
}
