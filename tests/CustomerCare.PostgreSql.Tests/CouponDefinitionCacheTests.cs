using CustomerCare.Coupons;
using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Storage.Serialization;

namespace CustomerCare.PostgreSql.Tests;

public sealed class CouponDefinitionCacheTests
{
    [SkippableFact]
    public async Task Find_OfAStoredDefinition_IsReadOnce_AndAMissingOneIsAskedAgain()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var mine = new PostgreSqlCouponStore(test.Database);
        var birthday = new CouponDefinition("doğum-günü", "Doğum günü İndirimi", Discount.PercentOff(20));
        await mine.AddDefinitionAsync(birthday);

        var first = await mine.FindDefinitionAsync(birthday.Id);
        var second = await mine.FindDefinitionAsync(birthday.Id);
        var missing = await mine.FindDefinitionAsync("geri-kazan");

        Assert.Equal(StorageJson.Serialize(birthday), StorageJson.Serialize(first!));
        Assert.Same(first, second);
        Assert.Null(missing);
        Assert.Equal(1, mine.KnownDefinitions);

        // Another instance adds the definition this store was told is missing: the next question finds it.
        await using var other = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = TestDatabase.RequiredConnectionString, Schema = test.Schema });
        var winBack = new CouponDefinition("geri-kazan", "Seni özledik", Discount.AmountOff(new Money(75m, Currency.TRY)));
        Assert.True(await new PostgreSqlCouponStore(other).AddDefinitionAsync(winBack));

        Assert.Equal(StorageJson.Serialize(winBack), StorageJson.Serialize((await mine.FindDefinitionAsync("geri-kazan"))!));
        Assert.Equal(2, mine.KnownDefinitions);
    }
}
