using CustomerCare.Coupons;
using CustomerCare.Storage.Serialization;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

public sealed class CouponDefinitionCacheTests
{
    [Fact]
    public async Task Find_OfAStoredDefinition_IsReadOnce_AndAMissingOneIsAskedAgain()
    {
        using var file = new TempDatabase();
        var mine = new SqliteCouponStore(file.Database);
        var birthday = new CouponDefinition("doğum-günü", "Doğum günü İndirimi", Discount.PercentOff(20));
        await mine.AddDefinitionAsync(birthday);

        var first = await mine.FindDefinitionAsync(birthday.Id);
        var second = await mine.FindDefinitionAsync(birthday.Id);
        var missing = await mine.FindDefinitionAsync("geri-kazan");

        Assert.Equal(StorageJson.Serialize(birthday), StorageJson.Serialize(first!));
        Assert.Same(first, second);
        Assert.Null(missing);
        Assert.Equal(1, mine.KnownDefinitions);

        // Another process adds the definition this store was told is missing: the next question finds it.
        using var otherDatabase = file.Reopen();
        var winBack = new CouponDefinition("geri-kazan", "Seni özledik", Discount.AmountOff(new Money(75m, Currency.TRY)));
        Assert.True(await new SqliteCouponStore(otherDatabase).AddDefinitionAsync(winBack));

        Assert.Equal(StorageJson.Serialize(winBack), StorageJson.Serialize((await mine.FindDefinitionAsync("geri-kazan"))!));
        Assert.Equal(2, mine.KnownDefinitions);
    }
}
