using CustomerCare.Complaints.Classification;

namespace CustomerCare.Tests.Complaints.Classification;

public sealed class ClassificationThreadSafetyTests
{
    private readonly LexiconComplaintClassifier _classifier = new();

    [Fact]
    public void Classify_InParallel_GivesTheSameResultsAsOneThread()
    {
        var texts = LabelledComplaints.All.Select(c => c.Text).ToArray();
        var expected = texts.Select(t => Fingerprint(_classifier.Classify(t))).ToArray();
        var actual = new string[8][];

        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            // Each worker walks the texts from a different offset so that threads classify different texts at once.
            var mine = new string[texts.Length];
            for (var i = 0; i < texts.Length; i++)
            {
                var index = (i + (worker * 37)) % texts.Length;
                mine[index] = Fingerprint(_classifier.Classify(texts[index]));
            }

            actual[worker] = mine;
        });

        Assert.All(actual, results => Assert.Equal(expected, results));
    }

    [Fact]
    public void Classify_ShortTextAfterALongOne_IsNotAffectedByTheReusedBuffers()
    {
        const string text = "kargom hala gelmedi";
        var before = Fingerprint(_classifier.Classify(text));

        _classifier.Classify(string.Concat(Enumerable.Repeat("ürün kırık geldi, iade istiyorum! ", 500)));
        var after = Fingerprint(_classifier.Classify(text));

        Assert.Equal(before, after);
    }

    private static string Fingerprint(ComplaintClassification result) =>
        $"{result.Category}|{result.Sentiment}|{result.Confidence}|{result.SentimentScore}|{result.Language}|"
        + string.Join(";", result.Evidence.Select(e => $"{e.Term}@{e.Start}+{e.Length}:{e.Category}{e.Polarity}{e.Weight}{e.Negated}"));
}
