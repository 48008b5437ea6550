using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Queries;

/// <summary>The named specifications that complaint intake and the campaigns ask with, answered from indexed columns.</summary>
public sealed class LookupQueryTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 9, 0);

    public static TheoryData<string, string> Plans { get; } = new()
    {
        { "email", "customers_email" },
        { "phone", "customers_phone" },
        { "without-order", "customers_signed_up" },
        { "last-order", "customers_last_order" },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Lookup_ReadsItsIndex_NotTheWholeTable(string lookup, string index)
    {
        await using var temp = new TempDatabase();
        var filter = CustomerQueryTranslator.Translate(Specifications()[lookup]);
        var plan = await QueryPlan.StepsAsync(temp, filter.Table, filter.Sql, filter.Bind);

        Assert.Contains(plan, step => step.Contains($"INDEX {index}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN customers", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("email")]
    [InlineData("phone")]
    [InlineData("without-order")]
    [InlineData("last-order")]
    public async Task Lookup_FindsWhatTheInMemoryStoreFinds(string lookup)
    {
        await using var temp = new TempDatabase();
        var sqlite = new SqliteCustomerStore(temp.Database);
        var memory = new InMemoryCustomerStore();
        var changes = new CustomerChangeSet { Customers = [.. Population().Select(c => new VersionedWrite<Customer>(c, 0))] };
        Assert.True((await sqlite.CommitAsync(changes)).IsCommitted);
        Assert.True((await memory.CommitAsync(changes)).IsCommitted);
        var specification = Specifications()[lookup];

        var expected = (await memory.ListAsync(specification)).Select(c => c.Id.Value).Order(StringComparer.Ordinal).ToArray();
        var found = (await sqlite.ListAsync(specification)).Select(c => c.Id.Value).Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
        Assert.Equal(expected.Length, await sqlite.CountAsync(specification));
    }

    [Fact]
    public async Task RowsWrittenBeforeTheLookupColumns_AreFilledFromTheirDocuments_WhenTheFileIsOpened()
    {
        await using var temp = new TempDatabase();
        var store = new SqliteCustomerStore(temp.Database);
        var customer = new CustomerBuilder().WithId("c-old").WithEmail("Işıl.Şahin@Example.com").WithPhone("+905321234567").Build();
        await store.CommitAsync(new CustomerChangeSet { Customers = [new VersionedWrite<Customer>(customer, 0)] });
        RawSql.Execute(temp.Path, "UPDATE customers SET email_key = NULL, phone_key = NULL, signed_up_at = NULL, columns_version = 1;");

        using var reopened = temp.Reopen();
        var later = new SqliteCustomerStore(reopened);
        var byEmail = await later.ListAsync(new CustomerByEmailSpecification(EmailAddress.Parse("IŞıL.şAHIN@EXAMPLE.COM")));

        Assert.Equal(["c-old"], byEmail.Select(c => c.Id.Value));
        Assert.Equal(["c-old"], (await later.ListAsync(new CustomerByPhoneSpecification(PhoneNumber.Parse("+905321234567")))).Select(c => c.Id.Value));
        Assert.Equal(0L, RawSql.Scalar(temp.Path, $"SELECT COUNT(*) FROM customers WHERE columns_version < {CustomerColumns.Version} OR signed_up_at IS NULL;"));
    }

    private static Dictionary<string, ISpecification<Customer>> Specifications() => new(StringComparer.Ordinal)
    {
        ["email"] = new CustomerByEmailSpecification(EmailAddress.Parse("o'brien_100%@Example.com")),
        ["phone"] = new CustomerByPhoneSpecification(PhoneNumber.Parse("+905551112233")),
        ["without-order"] = new WithoutOrderSpecification(Start + Duration.FromDays(2), Start + Duration.FromDays(6)),
        ["last-order"] = new LastOrderUntilSpecification(Start + Duration.FromDays(20)),
    };

    private static IEnumerable<Customer> Population()
    {
        var builder = new CustomerBuilder();
        for (var i = 0; i < 40; i++)
        {
            var email = i % 4 == 0 ? "O'Brien_100%@example.com" : i % 4 == 1 ? "o'brien_100x@example.com" : $"müşteri{i}@example.com";
            var phone = i % 5 == 0 ? "+905551112233" : $"+9055511122{i % 10}{i % 7}";
            var signedUp = Start + Duration.FromDays(i % 9);
            var stats = new PurchaseStats(Currency.TRY);
            if (i % 3 != 0)
            {
                stats = stats.WithOrderPlaced(new Money(100m, Currency.TRY), Start + Duration.FromDays(10 + i));
            }

            yield return builder.WithEmail(email).WithPhone(phone).SignedUpAt(signedUp).WithStats(stats).Build();
        }
    }
}
