using CustomerCare.Complaints;
using CustomerCare.Complaints.Classification;

namespace CustomerCare.Tests.Complaints.Classification;

public sealed class LexiconTests
{
    [Theory]
    [InlineData(ComplaintLanguage.Turkish)]
    [InlineData(ComplaintLanguage.English)]
    public void BuiltInLexicon_Parses_AndCoversEveryCategoryAndBothSentiments(ComplaintLanguage language)
    {
        var entries = LexiconParser.Parse(LexiconComplaintClassifier.GetBuiltInLexicon(language), language.ToString());

        foreach (var category in Enum.GetValues<ComplaintCategory>().Where(c => c != ComplaintCategory.Other))
        {
            Assert.Contains(entries, e => e.Section == LexiconSection.Category && e.Category == category);
        }

        foreach (var section in new[] { LexiconSection.Negative, LexiconSection.Positive, LexiconSection.Negator, LexiconSection.Intensifier, LexiconSection.Contrast, LexiconSection.StopWord })
        {
            Assert.Contains(entries, e => e.Section == section);
        }
    }

    [Fact]
    public void Parse_Syntax_ReadsStemsNegationWeightsAndComments()
    {
        var entries = LexiconParser.Parse("# header\n[LateDelivery]\n!hâlâ gel* = 2.5  # still not here\n~kargo*\n[Negative]\nkötü\n", "test");

        Assert.Equal(3, entries.Count);
        var still = entries[0];
        Assert.Equal(ComplaintCategory.LateDelivery, still.Category);
        Assert.Equal(2.5, still.Weight);
        Assert.True(still.Phrase.RequiresNegation);
        Assert.Equal([new LexiconWord("hala", false), new LexiconWord("gel", true)], still.Phrase.Words);
        Assert.True(entries[1].Phrase.IgnoresNegation);
        Assert.Equal(LexiconSection.Negative, entries[2].Section);
    }

    [Theory]
    [InlineData("[Late]\nx\n", "test(1,1)")]
    [InlineData("kargo\n", "test(1,1)")]
    [InlineData("[Damaged]\nkırık = lots\n", "test(2,9)")]
    [InlineData("[Damaged]\nkırık = 0\n", "test(2,9)")]
    [InlineData("[Damaged]\n\nkı*rık\n", "test(3,3)")]
    [InlineData("[Damaged]\nkırık, ezik\n", "test(2,1)")]
    [InlineData("[Negator]\nnot at all\n", "test(2,1)")]
    [InlineData("[Other]\nx\n", "test(1,1)")]
    public void Parse_MalformedLine_IsRefusedWithLineAndColumn(string text, string position)
    {
        var error = Assert.Throws<FormatException>(() => LexiconParser.Parse(text, "test"));

        Assert.StartsWith(position, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompiledLexicon_StemEndingInK_AlsoMatchesItsSoftenedForm()
    {
        var lexicon = CompiledLexicon.Build(ComplaintLanguage.Turkish, LexiconParser.Parse("[Damaged]\nkırık*\n", "test"));
        var buffer = new WordMatch[16];

        Assert.Equal(1, lexicon.MatchWord("kirigi", buffer));
        Assert.Equal(1, lexicon.MatchWord("kiriklar", buffer));
        Assert.Equal(0, lexicon.MatchWord("kirpik", buffer));
    }

    [Fact]
    public void CompiledLexicon_MatchWord_ListsLongestStemFirstAndReadsTheRestsNegation()
    {
        var lexicon = CompiledLexicon.Build(ComplaintLanguage.Turkish, LexiconParser.Parse("[NeverDelivered]\n!ulaş*\n[CommunicationProblem]\nulaşam*\n", "test"));
        var buffer = new WordMatch[16];

        var count = lexicon.MatchWord("ulasamiyorum", buffer);

        Assert.Equal(2, count);
        Assert.Equal(6, buffer[0].Length);
        Assert.False(buffer[0].Negated);
        Assert.Equal(4, buffer[1].Length);
        Assert.True(buffer[1].Negated);
    }
}
