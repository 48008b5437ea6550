using CustomerCare.Tests.Support;
using CustomerCare.Text;

namespace CustomerCare.Tests.Text;

public sealed class TurkishInvariantComparerTests
{
    [Theory]
    [InlineData("istanbul", "İstanbul")]
    [InlineData("ISTANBUL", "istanbul")]
    [InlineData("ıstanbul", "İSTANBUL")]
    [InlineData("Diyarbakır", "DIYARBAKIR")]
    [InlineData("Eskişehir", "ESKİŞEHİR")]
    public void Equals_AllFourIs_AreOneLetter(string left, string right)
    {
        using var culture = new TurkishCulture();
        var comparer = TurkishInvariantComparer.Instance;

        Assert.True(comparer.Equals(left, right));
        Assert.Equal(comparer.GetHashCode(left), comparer.GetHashCode(right));
        Assert.Equal(0, comparer.Compare(left, right));
    }

    [Theory]
    [InlineData("Eskişehir", "Eskisehir")]
    [InlineData("Çorum", "Corum")]
    [InlineData("İzmir", "İzmit")]
    public void Equals_OtherLettersKeepTheirIdentity(string left, string right)
    {
        Assert.False(TurkishInvariantComparer.Instance.Equals(left, right));
    }

    [Fact]
    public void Fold_GivesTheSameKeyUnderEveryCulture()
    {
        var invariant = TurkishInvariantComparer.Fold("İSTANBUL Iğdır");
        using var culture = new TurkishCulture();

        Assert.Equal("istanbul iğdir", invariant);
        Assert.Equal(invariant, TurkishInvariantComparer.Fold("İSTANBUL Iğdır"));
    }
}
