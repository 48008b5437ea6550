namespace CustomerCare.Complaints.Classification;

/// <content>Matching the lexicon against a tokenised text and weighing the evidence.</content>
public sealed partial class LexiconComplaintClassifier
{
    private const int CategoryCount = (int)ComplaintCategory.ServiceDissatisfaction + 1;
    private const double ImpliedNegativeWeight = 0.75;
    private const double ImpliedNegativeCap = 2;
    private const double Boost = 1.5;
    private const double FlippedComplaintFactor = 0.5;
    private const double SentimentThreshold = 0.5;
    private const int TurkishNegatorReach = 1;
    private const int TurkishVerbNegationReach = 2;
    private const int EnglishNegationReach = 3;
    private const int IntensifierReach = 2;
    private const double LooseNegationWeight = 0.5;
    private const double LooseNegationCap = 1;
    private const double ShoutingWeight = 1;
    private const int ShoutingMinLetters = 8;
    private const double QuestionFactor = 0.5;

    private ComplaintClassification Analyze(CompiledLexicon lexicon, ReadOnlySpan<char> source, ClassificationScratch s, int count, bool matched, bool shouting)
    {
        if (!matched)
        {
            MatchWords(lexicon, s, count, s.Words, s.WordStart);
        }

        IndexWords(lexicon, s, count);

        for (var start = 0; start < count; start++)
        {
            var best = new PhraseMatch { Node = -1 };
            Search(lexicon, s, count, start, CompiledLexicon.PhraseRoot, start, 0, false, ref best);
            if (best.Node >= 0)
            {
                s.Phrases.Add(best);
            }
        }

        Span<double> scores = stackalloc double[CategoryCount];
        double positive = 0;
        double negative = 0;
        var reach = -1;
        foreach (var match in s.Phrases)
        {
            // Phrases are in start order, each the longest at its start, so one ending within an earlier one lies inside it.
            if (match.End <= reach)
            {
                continue;
            }

            reach = match.End;
            s.Covered.AsSpan(match.Start, match.End - match.Start + 1).Fill(true);

            // A negation that changed what a term counted has been counted through the term, so it is not loose.
            if (Apply(lexicon, s, match, scores, ref positive, ref negative) && match.NegatedBy >= 0)
            {
                s.Covered[match.NegatedBy] = true;
            }
        }

        negative += LooseNegation(lexicon.Language, s, count);
        if (shouting)
        {
            negative += ShoutingWeight;
        }

        var category = ComplaintCategory.Other;
        var top = 0.0;
        var total = 0.0;
        for (var c = 1; c < CategoryCount; c++)
        {
            total += scores[c];
            if (scores[c] > top)
            {
                top = scores[c];
                category = (ComplaintCategory)c;
            }
        }

        if (top < _minimumCategoryScore || top == 0)
        {
            category = ComplaintCategory.Other;
        }

        var confidence = category == ComplaintCategory.Other ? 1 / (1 + top) : top / (total + 1);
        var sentimentScore = positive - negative;
        if (category is not (ComplaintCategory.Other or ComplaintCategory.ReturnRefund))
        {
            // Reporting a failure is a complaint even without angry words; asking about one is less so.
            sentimentScore -= ImpliedNegativeWeight * Math.Min(top, ImpliedNegativeCap) * (EndsWithQuestion(source) ? QuestionFactor : 1);
        }

        var sentiment = sentimentScore >= SentimentThreshold ? Sentiment.Positive
            : sentimentScore <= -SentimentThreshold ? Sentiment.Negative
            : Sentiment.Neutral;

        return new ComplaintClassification(
            category,
            sentiment,
            Math.Round(confidence, 4),
            top,
            Math.Round(sentimentScore, 4),
            lexicon.Language,
            s.Evidence.Count == 0 ? [] : s.Evidence.ToArray(),
            source.Length);
    }

    // Negations outside any matched phrase still say that something did not happen: "giriş yapamıyorum", "can't log in".
    private static double LooseNegation(ComplaintLanguage language, ClassificationScratch s, int count)
    {
        var weight = 0.0;
        for (var k = 0; k < count && weight < LooseNegationCap; k++)
        {
            if (s.Covered[k])
            {
                continue;
            }

            if ((s.Roles[k] & WordRoles.Negator) != 0 || (language == ComplaintLanguage.Turkish && s.VerbNegated[k]))
            {
                weight += LooseNegationWeight;
            }
        }

        return Math.Min(weight, LooseNegationCap);
    }

    // Writing in capitals is shouting: at least 8 letters, four in five of them capitals.
    private static bool IsShouting(int letters, int capitals) => letters >= ShoutingMinLetters && capitals * 5 >= letters * 4;

    private static bool EndsWithQuestion(ReadOnlySpan<char> source)
    {
        var last = source.LastIndexOfAny('.', '!', '?');
        return last >= 0 && source[last] == '?';
    }

    /// <summary>Finds the lexicon words of every token (not of numbers), token by token.</summary>
    private static void MatchWords(CompiledLexicon lexicon, ClassificationScratch s, int count, WordMatch[] words, int[] wordStart)
    {
        var total = 0;
        for (var k = 0; k < count; k++)
        {
            var token = s.Tokens[k];
            wordStart[k] = total;
            if (token.Kind != TokenKind.Number)
            {
                total += lexicon.MatchWord(s.Text.AsSpan(token.TextStart, token.TextLength), words.AsSpan(total));
            }
        }

        wordStart[count] = total;
    }

    /// <summary>Works out each token's roles, clause, verb negation and whether a contrast word came before it.</summary>
    private static void IndexWords(CompiledLexicon lexicon, ClassificationScratch s, int count)
    {
        var turkish = lexicon.Language == ComplaintLanguage.Turkish;
        var clause = 0;
        var afterContrast = false;
        for (var k = 0; k < count; k++)
        {
            var token = s.Tokens[k];
            if (k > 0 && token.StartsClause)
            {
                clause++;
            }

            var roles = WordRoles.None;
            for (var m = s.WordStart[k]; m < s.WordStart[k + 1]; m++)
            {
                roles |= lexicon.RolesOf(s.Words[m].WordId);
            }

            s.Roles[k] = roles;
            s.VerbNegated[k] = turkish && token.Kind == TokenKind.Word && TurkishSuffixes.HasNegatedVerbEnding(s.Text.AsSpan(token.TextStart, token.TextLength));
            s.AfterContrast[k] = afterContrast;
            s.Covered[k] = false;
            s.Clause[k] = clause;
            if ((roles & WordRoles.Contrast) != 0)
            {
                clause++;
                afterContrast = true;
            }
        }
    }

    private static void Search(CompiledLexicon lexicon, ClassificationScratch s, int count, int start, int node, int position, int chars, bool wordNegated, ref PhraseMatch best)
    {
        for (var m = s.WordStart[position]; m < s.WordStart[position + 1]; m++)
        {
            var word = s.Words[m];
            var next = lexicon.NextPhraseNode(node, word.WordId);
            if (next < 0)
            {
                continue;
            }

            var negated = wordNegated || word.Negated;
            var length = chars + word.Length;
            var entries = lexicon.EntriesAt(next);
            if (entries.Length > 0)
            {
                var candidate = WithNegation(lexicon.Language, s, count, new PhraseMatch
                {
                    Start = start,
                    End = position,
                    Node = next,
                    Chars = length,
                    Negated = negated,
                });
                if (IsApplicable(entries, candidate) && IsBetter(lexicon, candidate, best))
                {
                    best = candidate;
                }
            }

            if (lexicon.HasLongerPhrases(next) && position + 1 < count && s.Clause[position + 1] == s.Clause[position])
            {
                Search(lexicon, s, count, start, next, position + 1, length, negated, ref best);
            }
        }
    }

    private static PhraseMatch WithNegation(ComplaintLanguage language, ClassificationScratch s, int count, PhraseMatch match)
    {
        var byVerb = false;
        match.NegatedBy = -1;
        if (language == ComplaintLanguage.Turkish)
        {
            // Turkish negates after the word: "memnun değilim", "cevap yok", "memnun kalmadım".
            for (var k = match.End + 1; k < count && k <= match.End + TurkishVerbNegationReach && s.Clause[k] == s.Clause[match.End]; k++)
            {
                var negator = k <= match.End + TurkishNegatorReach && (s.Roles[k] & WordRoles.Negator) != 0;
                if ((negator || s.VerbNegated[k]) && match.NegatedBy < 0)
                {
                    match.NegatedBy = k;
                }

                match.Negated |= negator;
                byVerb |= s.VerbNegated[k];
            }
        }
        else
        {
            // English negates before the word: "not happy", "didn't arrive", "no reply".
            for (var k = match.Start - 1; k >= 0 && k >= match.Start - EnglishNegationReach && s.Clause[k] == s.Clause[match.Start]; k--)
            {
                if ((s.Roles[k] & WordRoles.Negator) != 0)
                {
                    match.Negated = true;
                    match.NegatedBy = match.NegatedBy < 0 ? k : match.NegatedBy;
                }
            }
        }

        match.NegatedByVerb = match.Negated || byVerb;
        return match;
    }

    private static bool IsApplicable(CompiledEntry[] entries, PhraseMatch match)
    {
        foreach (var entry in entries)
        {
            if (entry.RequiresNegation ? match.NegatedByVerb : (entry.Section != LexiconSection.Category || entry.IgnoresNegation || !match.Negated))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBetter(CompiledLexicon lexicon, PhraseMatch candidate, PhraseMatch best)
    {
        if (best.Node < 0)
        {
            return true;
        }

        var words = (candidate.End - candidate.Start).CompareTo(best.End - best.Start);
        if (words != 0)
        {
            return words > 0;
        }

        if (candidate.Chars != best.Chars)
        {
            return candidate.Chars > best.Chars;
        }

        return lexicon.EntriesAt(candidate.Node)[0].Order < lexicon.EntriesAt(best.Node)[0].Order;
    }

    /// <summary>Counts a phrase's entries; returns whether its negation changed what any of them counted.</summary>
    private static bool Apply(CompiledLexicon lexicon, ClassificationScratch s, PhraseMatch match, Span<double> scores, ref double positive, ref double negative)
    {
        var start = s.Tokens[match.Start].SourceStart;
        var length = s.Tokens[match.End].SourceEnd - start;
        var negationMattered = false;
        foreach (var entry in lexicon.EntriesAt(match.Node))
        {
            if (entry.Section == LexiconSection.Category)
            {
                if (entry.RequiresNegation ? !match.NegatedByVerb : (match.Negated && !entry.IgnoresNegation))
                {
                    negationMattered |= match.Negated;
                    continue;
                }

                negationMattered |= entry.RequiresNegation;
                scores[(int)entry.Category] += entry.Weight;
                s.Evidence.Add(new ClassificationEvidence(entry.Display, start, length, entry.Category, null, entry.Weight, match.NegatedByVerb));
                continue;
            }

            var polarity = entry.Section == LexiconSection.Positive ? Sentiment.Positive : Sentiment.Negative;
            var weight = entry.Weight;
            if (entry.RequiresNegation)
            {
                if (!match.NegatedByVerb)
                {
                    continue;
                }

                negationMattered = true;
            }
            else if (match.NegatedByVerb && !entry.IgnoresNegation)
            {
                // "not happy" is a complaint; "not bad" or "sorunsuz" is only faint praise.
                polarity = polarity == Sentiment.Positive ? Sentiment.Negative : Sentiment.Positive;
                weight *= polarity == Sentiment.Positive ? FlippedComplaintFactor : 1;
                negationMattered = true;
            }

            if (IsIntensified(s, match.Start))
            {
                weight *= Boost;
            }

            if (s.AfterContrast[match.Start])
            {
                weight *= Boost;
            }

            if (polarity == Sentiment.Positive)
            {
                positive += weight;
            }
            else
            {
                negative += weight;
            }

            s.Evidence.Add(new ClassificationEvidence(entry.Display, start, length, null, polarity, weight, match.NegatedByVerb));
        }

        return negationMattered;
    }

    private static bool IsIntensified(ClassificationScratch s, int start)
    {
        for (var k = start - 1; k >= 0 && k >= start - IntensifierReach && s.Clause[k] == s.Clause[start]; k--)
        {
            if ((s.Roles[k] & WordRoles.Intensifier) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
