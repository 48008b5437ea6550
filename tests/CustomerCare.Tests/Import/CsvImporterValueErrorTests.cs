using CustomerCare.Import;
using CustomerCare.Orders;

namespace CustomerCare.Tests.Import;

public sealed class CsvImporterValueErrorTests : IDisposable
{
    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Import_BirthdayOnFeb30_IsRefusedWithLineColumnAndValue()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse, "C2,Mehmet,Demir,,,1990-02-30,Ankara,2024-02-01T09:00:00Z"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal("customers.csv:3:6 (birthday): value '1990-02-30' names a day that does not exist in that month", error.ToString());
        Assert.Equal(("1990-02-30", FieldErrorCodes.Unknown), (error.Value, error.Code));
        Assert.Contains(error.ToString(), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownTimeZone_NamesFieldAndValue()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers("C1,Ayşe,,,Europe/Istanbull,,,2024-01-15T10:15:00Z"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("customers.csv", 2, 5, "time_zone", "Europe/Istanbull"), (error.File, error.Line, error.Column, error.ColumnName, error.Value));
        Assert.StartsWith("value 'Europe/Istanbull' is not an IANA time zone", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadEmail_NamesFieldAndValue()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers("C1,Ayşe,,ayse.example.com,,,,2024-01-15T10:15:00Z"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal("customers.csv:2:4 (email): value 'ayse.example.com' is not an e-mail address: it has no '@'", error.ToString());
    }

    [Fact]
    public async Task Import_NegativeTotal_NamesFieldAndValue()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "-10.00", "placed")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("orders.csv:2:4 (total): value '-10.00' must not be negative", error.ToString());
        Assert.Equal(FieldErrorCodes.OutOfRange, error.Code);
    }

    [Fact]
    public async Task Import_BirthYearAfterTheCurrentYear_IsRefused()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers("C1,Ayşe,,,,2027-01-01,,2024-01-15T10:15:00Z"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal("customers.csv:2:6 (birthday): value '2027-01-01' has a birth year after the current year 2026", error.ToString());
    }

    [Fact]
    public async Task Import_InstantWithoutOffset_IsRefused()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers("C1,Ayşe,,,,,,2024-01-15T10:15:00"), Csv.Orders());

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("signed_up_at", 8), (error.ColumnName, error.Column));
        Assert.StartsWith("value '2024-01-15T10:15:00' has no offset", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OtherCurrency_IsRefusedNamingTheCurrencyColumn()
    {
        var orders = Csv.Lines("order_id,customer_id,placed_at,total,currency,status", "O1,C1,2025-01-10T10:00:00Z,10.00,EUR,placed");

        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), orders);

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("orders.csv", 2, 5, "currency", "EUR", FieldErrorCodes.CurrencyMismatch), (error.File, error.Line, error.Column, error.ColumnName, error.Value, error.Code));
        Assert.Contains("store currency TRY", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DecimalComma_IsRefused()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "\"149,90\"", "placed")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("total", "149,90", FieldErrorCodes.Malformed), (error.ColumnName, error.Value, error.Code));
    }

    [Fact]
    public async Task Import_DeliveredWithoutDeliveredAt_IsRefused()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "delivered")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("orders.csv:2:7 (delivered_at): is required when status is 'delivered'", error.ToString());
    }

    [Fact]
    public async Task Import_ReturnedWithoutReturnedAtAndRefund_NamesBoth()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "returned", delivered: "2025-01-12T10:00:00Z")));

        Assert.Equal(["returned_at", "refund"], refused.Errors.Select(e => e.ColumnName));
    }

    [Fact]
    public async Task Import_InstantThatTheStatusDoesNotHave_IsRefused()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "placed", shipped: "2025-01-11T10:00:00Z")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("shipped_at", 6), (error.ColumnName, error.Column));
        Assert.Contains("status 'placed'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DeliveryBeforeShipping_IsRefused()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "delivered", shipped: "2025-01-12T10:00:00Z", delivered: "2025-01-11T10:00:00Z")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("orders.csv:2:7 (delivered_at): value '2025-01-11T10:00:00Z' is before shipped_at (2025-01-12T10:00:00Z)", error.ToString());
    }

    [Fact]
    public async Task Import_RefundAboveTotal_IsRefusedByTheDomainRulesAtTheRow()
    {
        var refused = await _harness.RefusedAsync(
            Csv.Customers(Csv.Ayse),
            Csv.Orders(
                Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "placed"),
                Csv.Order("O2", "C1", "2025-01-10T10:00:00Z", "100.00", "returned", delivered: "2025-01-12T10:00:00Z", returned: "2025-01-15T10:00:00Z", refund: "150.00")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("orders.csv", 3, 10, "refund", EventRejectionCodes.OutOfRange), (error.File, error.Line, error.Column, error.ColumnName, error.Code));
        Assert.Contains("at most what the order still counts for (100.00 TRY)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ReturnedWithPartialRefund_IsAStatusMismatch()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "100.00", "returned", delivered: "2025-01-12T10:00:00Z", returned: "2025-01-15T10:00:00Z", refund: "40.00")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("orders.csv", 2, 5, "status", CsvErrorCodes.StatusMismatch), (error.File, error.Line, error.Column, error.ColumnName, error.Code));
        Assert.Contains("partially_returned", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DuplicateIdInAFile_PointsAtTheSecondAndNamesTheFirstLine()
    {
        var refused = await _harness.RefusedAsync(
            Csv.Customers(Csv.Ayse, Csv.Mehmet, Csv.Ayse),
            Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "placed"), Csv.Order("O1", "C2", "2025-01-11T10:00:00Z", "10.00", "placed")));

        Assert.Collection(
            refused.Errors,
            e => Assert.Equal("customers.csv:4:1 (customer_id): value 'C1' repeats the customer_id first given on line 2", e.ToString()),
            e => Assert.Equal("orders.csv:3:1 (order_id): value 'O1' repeats the order_id first given on line 2", e.ToString()));
    }

    [Fact]
    public async Task Import_OrderOfUnknownCustomer_IsRefused()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C404", "2025-01-10T10:00:00Z", "10.00", "placed")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("orders.csv:2:2 (customer_id): value 'C404' is neither in customers.csv nor in the store", error.ToString());
    }

    [Fact]
    public async Task Import_OrderOfARefusedCustomerRow_IsNotAlsoReportedAsUnknown()
    {
        var refused = await _harness.RefusedAsync(Csv.Customers("C1,Ayşe,,,,1990-02-30,,2024-01-15T10:15:00Z"), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "placed")));

        Assert.Equal("birthday", Assert.Single(refused.Errors).ColumnName);
    }

    [Fact]
    public async Task Import_ReviewOfAnotherCustomersOrder_IsRefused()
    {
        var refused = await _harness.RefusedAsync(
            Csv.Customers(Csv.Ayse, Csv.Mehmet),
            Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "placed")),
            Csv.Reviews("R1,C2,P-1,4,2025-01-20T10:00:00Z,O1,"));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("reviews.csv", 2, 6, "order_id", EventRejectionCodes.CustomerMismatch), (error.File, error.Line, error.Column, error.ColumnName, error.Code));
    }

    [Fact]
    public async Task Import_SeveralBadRows_ReportsEveryErrorInFileOrder()
    {
        var refused = await _harness.RefusedAsync(
            Csv.Customers("C1,Ayşe,,bad,Mars/Olympus,1990-13-01,,2024-01-15T10:15:00Z", "C2,,,,,,,"),
            Csv.Orders(Csv.Order("O1", "C1", "yesterday", "abc", "lost")));

        Assert.Equal(
            [
                "customers.csv:2:4 email", "customers.csv:2:5 time_zone", "customers.csv:2:6 birthday",
                "customers.csv:3:2 given_name", "customers.csv:3:8 signed_up_at",
                "orders.csv:2:3 placed_at", "orders.csv:2:4 total", "orders.csv:2:5 status",
            ],
            refused.Errors.Select(e => $"{e.File}:{e.Line}:{e.Column} {e.ColumnName}"));
    }
}
