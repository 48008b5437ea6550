using CustomerCare.Complaints.Classification;

namespace CustomerCare.Tests.Complaints.Classification;

public sealed class TurkishSuffixesTests
{
    [Theory]
    [InlineData("kargom", "kargo")]
    [InlineData("kargoya", "kargo")]
    [InlineData("kargodaki", "kargo")]
    [InlineData("kargosunda", "kargo")]
    [InlineData("iadem", "iade")]
    [InlineData("iadesi", "iade")]
    [InlineData("iadelerimiz", "iade")]
    [InlineData("gelmedi", "gel")]
    [InlineData("gelmemis", "gel")]
    [InlineData("kirilmis", "kiril")]
    [InlineData("ulasamiyorum", "ulas")]
    [InlineData("vermiyorsunuz", "ver")]
    [InlineData("gundur", "gun")]
    public void IsSuffixChain_RestOfAnInflectedWord_IsAChain(string word, string stem)
    {
        Assert.True(TurkishSuffixes.IsSuffixChain(word.AsSpan(stem.Length)));
    }

    [Theory]
    [InlineData("paramparca", "param")]
    [InlineData("kirpik", "kir")]
    [InlineData("kargohbx", "kargo")]
    public void IsSuffixChain_RestThatIsNoSuffix_IsNotAChain(string word, string stem)
    {
        Assert.False(TurkishSuffixes.IsSuffixChain(word.AsSpan(stem.Length)));
    }

    [Theory]
    [InlineData("medi")]
    [InlineData("memis")]
    [InlineData("miyor")]
    [InlineData("miyo")]
    [InlineData("mez")]
    [InlineData("meyecek")]
    [InlineData("ilmedi")]
    [InlineData("amiyorum")]
    [InlineData("emedim")]
    [InlineData("suz")]
    [InlineData("siz")]
    public void NegatesStem_NegativeAndPrivativeEndings_Negate(string rest)
    {
        Assert.True(TurkishSuffixes.NegatesStem(rest));
    }

    [Theory]
    [InlineData("di")]
    [InlineData("mis")]
    [InlineData("ilmis")]
    [InlineData("mek")]
    [InlineData("mesi")]
    [InlineData("iyor")]
    [InlineData("ebildim")]
    public void NegatesStem_AffirmativeEndings_DoNotNegate(string rest)
    {
        Assert.False(TurkishSuffixes.NegatesStem(rest));
    }

    [Theory]
    [InlineData("kalmadim", true)]
    [InlineData("olmadi", true)]
    [InlineData("vermiyorsunuz", true)]
    [InlineData("ulasamiyorum", true)]
    [InlineData("gelmeyecek", true)]
    [InlineData("geldi", false)]
    [InlineData("hemen", false)]
    [InlineData("memnun", false)]
    [InlineData("zaman", false)]
    [InlineData("yemek", false)]
    [InlineData("kirilmis", false)]
    public void HasNegatedVerbEnding_FindsNegationWhateverTheStem(string word, bool expected)
    {
        Assert.Equal(expected, TurkishSuffixes.HasNegatedVerbEnding(word));
    }
}
