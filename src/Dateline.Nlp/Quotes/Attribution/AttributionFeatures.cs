using Dateline.Nlp.Learning;
namespace Dateline.Nlp.Quotes.Attribution;

/// <summary>
/// The two taggers' features. Cue tagging sees a token, its neighbours, word class, speech-verb class, entity label,
/// punctuation around it and the previous tag. Argument tagging sees a token relative to one cue: side and distance,
/// sentence relation, the cue word and class, quotation marks next to the cue, commas and other cue words between,
/// and the previous tag.
/// </summary>
internal static class AttributionFeatures
{
    public static void Cue(AttributionDocument d, int i, int previous, List<ulong> into)
    {
        into.Clear();
        var lw = d.Lower[i];
        var kPrev = (ulong)(i > 0 ? d.Kind[i - 1] : AttributionDocument.TokenKind.None) + 1000;
        var kNext = (ulong)(i + 1 < d.Count ? d.Kind[i + 1] : AttributionDocument.TokenKind.None) + 1000;
        var lex = d.Lex[i];
        into.Add(FeatureHash.Key(1, 0));
        into.Add(FeatureHash.Key(2, lw));
        into.Add(FeatureHash.Key(3, d.LowerAt(i - 1)));
        into.Add(FeatureHash.Key(4, d.LowerAt(i + 1)));
        into.Add(FeatureHash.Key(5, d.LowerAt(i - 2)));
        into.Add(FeatureHash.Key(6, d.LowerAt(i + 2)));
        into.Add(FeatureHash.Key(7, d.LowerAt(i - 1), lw));
        into.Add(FeatureHash.Key(8, lw, d.LowerAt(i + 1)));
        into.Add(FeatureHash.Key(9, d.Shape[i]));
        into.Add(FeatureHash.Key(10, d.Suffix[i]));
        into.Add(FeatureHash.Key(11, d.Cluster[i]));
        into.Add(FeatureHash.Key(12, lex));
        into.Add(FeatureHash.Key(13, i > 0 ? d.Lex[i - 1] : 1));
        into.Add(FeatureHash.Key(14, i + 1 < d.Count ? d.Lex[i + 1] : 2));
        into.Add(FeatureHash.Key(15, lex, d.LowerAt(i + 1)));
        into.Add(FeatureHash.Key(16, i > 0 ? d.Entity[i - 1] : 1));
        into.Add(FeatureHash.Key(17, i + 1 < d.Count ? d.Entity[i + 1] : 2));
        into.Add(FeatureHash.Key(18, d.Quote[i] >= 0 ? 1UL : 0UL, lex));
        into.Add(FeatureHash.Key(19, kPrev, kNext));
        into.Add(FeatureHash.Key(20, kPrev, lw));
        into.Add(FeatureHash.Key(21, lw, kNext));
        into.Add(FeatureHash.Key(22, i == d.SentenceStart[d.Sentence[i]] ? 1UL : 0UL, d.Shape[i]));
        into.Add(FeatureHash.Key(23, d.Entity[i]));
        into.Add(FeatureHash.Key(24, d.Cluster[i], d.LowerAt(i + 1)));
        into.Add(FeatureHash.Key(25, d.Stem[i]));
        into.Add(FeatureHash.Key(26, d.Stem[i], d.LowerAt(i + 1)));
        into.Add(FeatureHash.Key(27, i > 0 ? d.Entity[i - 1] | (d.Is(i - 1, AttributionDocument.TokenKind.Pronoun) ? 7UL : 0UL) : 1, d.Stem[i]));
        into.Add(FeatureHash.Key(28, d.LowerAt(i + 1), d.LowerAt(i + 2)));
        into.Add(FeatureHash.Key(29, d.Stem[i], kNext, d.Quote[i] >= 0 ? 1UL : 0UL));
        var markAhead = 0UL;
        for (var k = i + 1; k <= i + 3 && k < d.Count; k++)
        {
            markAhead |= d.Is(k, AttributionDocument.TokenKind.Mark) ? 1UL : d.Is(k, AttributionDocument.TokenKind.Colon) ? 2UL : 0UL;
        }

        into.Add(FeatureHash.Key(33, d.Stem[i], markAhead));
        into.Add(FeatureHash.Key(34, d.LowerAt(i - 1), d.Stem[i]));
        into.Add(FeatureHash.Key(35, d.Cluster[i], d.Is(i, AttributionDocument.TokenKind.Capital) ? 1UL : 0UL, i > 0 ? d.Cluster[i - 1] : 1));
        if (d.HasSyntax)
        {
            // The tree: "said" with a clausal complement and a subject is a cue wherever it stands.
            var head = d.Head[i];
            into.Add(FeatureHash.Key(36, d.Lemma[i], d.Rel[i]));
            into.Add(FeatureHash.Key(37, d.Lemma[i], d.Children[i]));
            into.Add(FeatureHash.Key(38, d.Rel[i], d.Children[i], lex));
            into.Add(FeatureHash.Key(39, d.Rel[i], head >= 0 ? d.Rel[head] : 3, d.Stem[i]));
        }

        var p = (ulong)previous;
        into.Add(FeatureHash.Key(30, p));
        into.Add(FeatureHash.Key(31, p, lw));
        into.Add(FeatureHash.Key(32, p, lex));
    }

    /// <summary>Facts about one cue that every token of its window shares.</summary>
    public readonly record struct CueFacts(int Start, int End, ulong Head, ulong Words, ulong HeadLex, int Sentence, int QuoteBefore, int QuoteAfter,
        ulong KindBefore, ulong KindAfter, ulong WordBefore, ulong WordAfter)
    {
        /// <summary>The cue's word in the tree: the one whose head lies outside the cue ("according" of "according to").</summary>
        public int TreeWord { get; init; } = Start;

        public static CueFacts Of(AttributionDocument d, int start, int end)
        {
            var words = 17UL;
            for (var k = start; k <= end; k++)
            {
                words = FeatureHash.Mix(words, d.Lower[k]);
            }

            var before = start - 1;
            while (before >= 0 && d.Is(before, AttributionDocument.TokenKind.Comma | AttributionDocument.TokenKind.Colon) && before >= start - 2)
            {
                before--;
            }

            var after = end + 1;
            while (after < d.Count && d.Is(after, AttributionDocument.TokenKind.Comma | AttributionDocument.TokenKind.Colon) && after <= end + 2)
            {
                after++;
            }

            var treeWord = start;
            for (var k = start; k <= end; k++)
            {
                if (d.Head[k] < start || d.Head[k] > end)
                {
                    treeWord = k;
                    break;
                }
            }

            return new CueFacts(start, end, d.Lower[start], words, d.Lex[start], d.Sentence[start],
                before >= 0 ? d.Quote[before] : -1, after < d.Count ? d.Quote[after] : -1,
                (ulong)(start > 0 ? d.Kind[start - 1] : 0) + 1000, (ulong)(end + 1 < d.Count ? d.Kind[end + 1] : 0) + 1000,
                d.LowerAt(start - 1), d.LowerAt(end + 1))
            { TreeWord = treeWord };
        }
    }

    public static void Argument(AttributionDocument d, in CueFacts c, int i, int previous, int[] commas, int[] cueWords, List<ulong> into)
    {
        into.Clear();
        ulong rel = i < c.Start ? 0UL : i > c.End ? 2UL : 1UL;
        var signed = i < c.Start ? i - c.Start : i > c.End ? i - c.End : 0;
        var dist = (ulong)(Bucket(Math.Abs(signed)) + 20);
        var sr = d.Sentence[i] - c.Sentence;
        var sent = (ulong)(sr == 0 ? 0 : sr == -1 ? 1 : sr == 1 ? 2 : sr < 0 ? 3 : 4);
        var lw = d.Lower[i];
        var (lo, hi) = i < c.Start ? (i, c.Start) : (c.End, i);
        var commaCount = (ulong)Math.Min(commas[hi] - commas[Math.Min(lo + 1, hi)], 3);
        var cueCount = (ulong)Math.Min(cueWords[hi] - cueWords[Math.Min(lo + 1, hi)], 2);
        var q = d.Quote[i];
        var quote = q < 0 ? 0UL : q == c.QuoteAfter || q == c.QuoteBefore ? 2UL : 1UL;
        var kind = (ulong)d.Kind[i] + 1000;
        var kindPrev = (ulong)(i > 0 ? d.Kind[i - 1] : 0) + 1000;
        var sentStart = i == d.SentenceStart[d.Sentence[i]] ? 1UL : 0UL;
        var paraStart = i == d.ParagraphStart[d.Paragraph[i]] ? 1UL : 0UL;
        into.Add(FeatureHash.Key(41, rel, dist));
        into.Add(FeatureHash.Key(42, rel, dist, sent));
        into.Add(FeatureHash.Key(43, rel, lw));
        into.Add(FeatureHash.Key(44, rel, lw, c.Head));
        into.Add(FeatureHash.Key(45, rel, d.Shape[i]));
        into.Add(FeatureHash.Key(46, rel, d.Cluster[i]));
        into.Add(FeatureHash.Key(47, rel, d.Entity[i]));
        into.Add(FeatureHash.Key(48, rel, d.LowerAt(i - 1)));
        into.Add(FeatureHash.Key(49, rel, d.LowerAt(i + 1)));
        into.Add(FeatureHash.Key(50, c.Head, rel, dist));
        into.Add(FeatureHash.Key(51, c.HeadLex, rel, dist));
        into.Add(FeatureHash.Key(52, rel, quote, sent));
        into.Add(FeatureHash.Key(53, rel, commaCount, sent));
        into.Add(FeatureHash.Key(54, rel, cueCount));
        into.Add(FeatureHash.Key(55, rel, sentStart, sent));
        into.Add(FeatureHash.Key(56, rel, kind));
        into.Add(FeatureHash.Key(57, c.KindBefore, c.KindAfter, rel));
        into.Add(FeatureHash.Key(58, c.WordAfter, rel, dist));
        into.Add(FeatureHash.Key(59, c.WordBefore, rel, dist));
        into.Add(FeatureHash.Key(60, c.Words, rel));
        into.Add(FeatureHash.Key(61, rel, d.Is(i, AttributionDocument.TokenKind.Pronoun) ? 1UL : 0UL, dist));
        into.Add(FeatureHash.Key(62, rel, paraStart));
        into.Add(FeatureHash.Key(63, c.Head, rel, sent));
        into.Add(FeatureHash.Key(64, rel, d.Lex[i]));
        into.Add(FeatureHash.Key(65, c.KindBefore, rel, quote));
        into.Add(FeatureHash.Key(66, c.KindAfter, rel, quote));
        if (d.HasSyntax)
        {
            // Where the token hangs relative to the cue: its subject is the source, its complement the content.
            var path = d.PathToCue(i, c.TreeWord);
            into.Add(FeatureHash.Key(80, rel, path));
            into.Add(FeatureHash.Key(81, path, d.Rel[i]));
            into.Add(FeatureHash.Key(82, (ulong)previous, path));
            into.Add(FeatureHash.Key(83, path, c.HeadLex, sent));
        }

        var p = (ulong)previous;
        into.Add(FeatureHash.Key(70, p));
        into.Add(FeatureHash.Key(71, p, rel));
        into.Add(FeatureHash.Key(72, p, lw));
        into.Add(FeatureHash.Key(73, p, rel, dist));
        into.Add(FeatureHash.Key(74, p, sent));
        into.Add(FeatureHash.Key(75, p, kind));
        into.Add(FeatureHash.Key(76, p, kindPrev));
        into.Add(FeatureHash.Key(77, p, quote, rel));
        into.Add(FeatureHash.Key(78, p, rel, sentStart));
        into.Add(FeatureHash.Key(79, p, c.Head, rel));
    }

    private static int Bucket(int distance) => distance switch
    {
        0 => 0,
        1 => 1,
        2 => 2,
        <= 4 => 3,
        <= 7 => 4,
        <= 12 => 5,
        <= 20 => 6,
        <= 35 => 7,
        _ => 8,
    };
}
