using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;

namespace Dateline.Evaluation.Quotes;

/// <summary>
/// Attribution scoring on PolNeAR. A predicted quote matches a gold attribution when its content covers ≥ 50 % of the
/// gold content and its speaker overlaps the gold source (a gold attribution without a source: content alone). Matching
/// is one-to-one and as large as possible (maximum bipartite matching). The "speech subset" (as in notes/nlp-calibration.md): gold attributions whose
/// content holds a quotation mark or whose cue holds a verb from the GGT quote-verb list; predictions in the subset are
/// those whose content holds a mark or whose cue is a verb from that list.
/// </summary>
public static class QuoteEvaluator
{
    public sealed record Score(int Gold, int Predicted, int MatchedGold, int MatchedPredicted)
    {
        public double Precision => Predicted == 0 ? 0 : (double)MatchedPredicted / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)MatchedGold / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    /// <param name="SpeakerPairs">Gold attributions with a source whose content some prediction matches (see <see cref="Speakers"/>).</param>
    /// <param name="SpeakersRight">Of those, how many also have the right speaker.</param>
    public sealed record Report(int Articles, Score All, Score Speech, double ArticlesPerSecond, int SpeakerPairs = 0, int SpeakersRight = 0)
    {
        public double SpeakerAccuracy => SpeakerPairs == 0 ? 0 : (double)SpeakersRight / SpeakerPairs;
    }

    /// <summary>Scores <paramref name="pipeline"/> (which must produce <see cref="Layers.Quotes"/>) on a PolNeAR folder.</summary>
    /// <param name="details">When set, receives one line per missed gold attribution and per unmatched prediction.</param>
    /// <param name="part">All articles of the folder, or one side of its held-out split.</param>
    public static Report Run(Pipeline pipeline, string dir, TextWriter? details = null, BratAttributions.Part part = BratAttributions.Part.All,
        CancellationToken cancellationToken = default)
    {
        var verbs = ReadVerbList(dir);
        var tally = new Tally(verbs, details);
        var clock = new Stopwatch();
        foreach (var article in BratAttributions.ReadFolder(dir, part: part))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = DocumentOf(article);
            clock.Start();
            pipeline.Run(doc, cancellationToken);
            clock.Stop();
            var predicted = doc.Has(Layers.Quotes) ? doc.Get(Layers.Quotes) : [];
            foreach (var error in doc.Errors)
            {
                details?.WriteLine($"ERROR {article.Id} {error}");
            }

            tally.Add(article, predicted);
        }

        return tally.Report(clock.Elapsed.TotalSeconds > 0 ? tally.Articles / clock.Elapsed.TotalSeconds : 0);
    }

    /// <summary>
    /// How far the annotators agree with each other, scored exactly as a system is: for every article with more than one
    /// annotator, the first annotator (by id) is the gold and each other annotator's attributions are the predictions. A
    /// second annotator's attribution becomes a prediction whose content runs from its first content fragment to its last,
    /// whose speaker runs from its first source fragment to its last, and whose cue is its first cue fragment — so
    /// fragments only make the match easier. The result is the level a system that agrees with the annotators as well as
    /// they agree with each other would score.
    /// </summary>
    public static Report Agreement(string dir, TextWriter? details = null, CancellationToken cancellationToken = default)
    {
        var tally = new Tally(ReadVerbList(dir), details);
        foreach (var versions in BratAttributions.ReadFolder(dir, allAnnotators: true).GroupBy(a => a.Id, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var list = versions.ToList();
            foreach (var other in list.Skip(1))
            {
                tally.Add(list[0], [.. other.Attributions.Where(a => a.Content.Count > 0).Select(AsPrediction)]);
            }
        }

        return tally.Report(0);
    }

    private static QuoteMention AsPrediction(GoldAttribution a)
    {
        static TextSpan? Hull(IReadOnlyList<TextSpan> spans) =>
            spans.Count == 0 ? null : new TextSpan(spans.Min(s => s.Start), spans.Max(s => s.End));
        return new QuoteMention(Hull(a.Content)!.Value, false, a.Cue.Count > 0 ? a.Cue[0] : null, Hull(a.Source), null);
    }

    /// <summary>Counts over articles: all attributions, the speech subset and speaker accuracy.</summary>
    private sealed class Tally(FrozenSet<string> verbs, TextWriter? details)
    {
        private int _gold, _pred, _mg, _mp, _sGold, _sPred, _sMg, _sMp, _pairs, _right;

        public int Articles { get; private set; }

        public void Add(PolnearArticle article, ImmutableArray<QuoteMention> predicted)
        {
            Articles++;
            var goldList = article.Attributions;
            var (matchedGold, matchedPred) = Match(goldList, predicted);
            if (details is not null)
            {
                Log(details, article, goldList, predicted, matchedGold, matchedPred);
            }

            var (p0, r0) = Speakers(goldList, predicted);
            _pairs += p0;
            _right += r0;
            _gold += goldList.Count;
            _pred += predicted.Length;
            _mg += matchedGold.Count(x => x);
            _mp += matchedPred.Count(x => x);
            for (var i = 0; i < goldList.Count; i++)
            {
                if (InSpeechSubset(article.Text, goldList[i], verbs))
                {
                    _sGold++;
                    _sMg += matchedGold[i] ? 1 : 0;
                }
            }

            for (var i = 0; i < predicted.Length; i++)
            {
                var q = predicted[i];
                var cue = q.Cue is { } c ? article.Text[c.Start..c.End] : string.Empty;
                if (HasMark(article.Text, [q.Content]) || cue.Split(' ').Any(w => verbs.Contains(w.ToLowerInvariant())))
                {
                    _sPred++;
                    _sMp += matchedPred[i] ? 1 : 0;
                }
            }
        }

        public Report Report(double articlesPerSecond) =>
            new(Articles, new Score(_gold, _pred, _mg, _mp), new Score(_sGold, _sPred, _sMg, _sMp), articlesPerSecond, _pairs, _right);
    }

    private static void Log(TextWriter w, PolnearArticle a, IReadOnlyList<GoldAttribution> gold, ImmutableArray<QuoteMention> predicted, bool[] mg, bool[] mp)
    {
        static string Clip(string s) => (s.Length > 110 ? s[..110] + "…" : s).ReplaceLineEndings(" ");
        string T(IEnumerable<TextSpan> spans) => string.Join(" … ", spans.Select(s => a.Text[s.Start..s.End]));
        for (var i = 0; i < gold.Count; i++)
        {
            if (!mg[i])
            {
                // Why: no prediction has this cue; one has it but not the content; one has cue and content but not the speaker.
                var sameCue = predicted.Where(q => q.Cue is { } c && gold[i].Cue.Any(g => g.Overlaps(c))).ToList();
                var why = sameCue.Count == 0 ? "cue" : sameCue.Any(q => Matches(gold[i] with { Source = [] }, q)) ? "speaker" : "content";
                w.WriteLine($"MISS {why,-7} {a.Id} src=[{T(gold[i].Source)}] cue=[{gold[i].CueText}] {Clip(T(gold[i].Content))}");
            }
        }

        for (var i = 0; i < predicted.Length; i++)
        {
            if (!mp[i])
            {
                var q = predicted[i];
                w.WriteLine($"FP   {a.Id} src=[{(q.Speaker is { } s ? a.Text[s.Start..s.End] : "")}] cue=[{(q.Cue is { } c ? a.Text[c.Start..c.End] : "")}] {Clip(a.Text[q.Content.Start..q.Content.End])}");
            }
        }
    }

    /// <summary>
    /// One-to-one matching of the largest size (augmenting paths, gold in text order): a prediction that fits two gold
    /// attributions goes to the one nobody else can take. Returns which gold and which predicted items were matched.
    /// </summary>
    public static (bool[] Gold, bool[] Predicted) Match(IReadOnlyList<GoldAttribution> gold, IReadOnlyList<QuoteMention> predicted) =>
        Match(gold, predicted, Matches);

    private static (bool[] Gold, bool[] Predicted) Match(IReadOnlyList<GoldAttribution> gold, IReadOnlyList<QuoteMention> predicted,
        Func<GoldAttribution, QuoteMention, bool> matches)
    {
        var fits = gold.Select(g => Enumerable.Range(0, predicted.Count).Where(j => matches(g, predicted[j])).ToArray()).ToArray();
        var owner = Enumerable.Repeat(-1, predicted.Count).ToArray();
        for (var i = 0; i < gold.Count; i++)
        {
            Augment(i, new bool[predicted.Count]);
        }

        var p = owner.Select(o => o >= 0).ToArray();
        var g = new bool[gold.Count];
        foreach (var o in owner.Where(o => o >= 0))
        {
            g[o] = true;
        }

        return (g, p);

        bool Augment(int i, bool[] seen)
        {
            foreach (var j in fits[i])
            {
                if (seen[j])
                {
                    continue;
                }

                seen[j] = true;
                if (owner[j] < 0 || Augment(owner[j], seen))
                {
                    owner[j] = i;
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Speaker accuracy: gold attributions with a source are matched to predictions on content alone (one-to-one); of those
    /// pairs, the share whose predicted speaker overlaps the gold source. Returns (pairs, right).
    /// </summary>
    public static (int Pairs, int Right) Speakers(IReadOnlyList<GoldAttribution> gold, IReadOnlyList<QuoteMention> predicted)
    {
        var withSource = gold.Where(g => g.Source.Count > 0).ToList();
        var (byContent, _) = Match(withSource, predicted, (g, q) => Matches(g with { Source = [] }, q));
        var (full, _) = Match(withSource, predicted, Matches);
        return (byContent.Count(x => x), full.Count(x => x));
    }

    public static bool Matches(GoldAttribution gold, QuoteMention predicted)
    {
        var goldLength = gold.Content.Sum(s => s.Length);
        if (goldLength == 0)
        {
            return false;
        }

        var covered = gold.Content.Sum(s => Math.Max(0, Math.Min(s.End, predicted.Content.End) - Math.Max(s.Start, predicted.Content.Start)));
        if (covered * 2 < goldLength)
        {
            return false;
        }

        return gold.Source.Count == 0 || (predicted.Speaker is { } sp && gold.Source.Any(s => s.Overlaps(sp)));
    }

    private static bool InSpeechSubset(string text, GoldAttribution gold, FrozenSet<string> verbs) =>
        HasMark(text, gold.Content) || gold.CueText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => verbs.Contains(w.ToLowerInvariant()));

    private static bool HasMark(string text, IEnumerable<TextSpan> spans) =>
        spans.Any(s => text.AsSpan(s.Start, s.Length).IndexOfAny("\"“”") >= 0);

    /// <summary>The GGT list, looked for at <c>DIR/../../lexicons/ggt_quote_verb_list.txt</c> (the corpora layout).</summary>
    private static FrozenSet<string> ReadVerbList(string dir)
    {
        var path = Path.Combine(dir, "..", "..", "lexicons", "ggt_quote_verb_list.txt");
        return File.Exists(path)
            ? File.ReadLines(path).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).ToFrozenSet(StringComparer.Ordinal)
            : FrozenSet<string>.Empty;
    }

    /// <summary>The article as a document with its paragraphs (each non-blank line), ready for the pipeline.</summary>
    public static Document DocumentOf(PolnearArticle article)
    {
        var doc = new Document(article.Id, article.Text);
        doc.Set(Layers.Paragraphs, Paragraphs(article.Text));
        return doc;
    }

    /// <summary>Each non-blank line is a paragraph.</summary>
    internal static ImmutableArray<TextSpan> Paragraphs(string text)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var s = start;
                var e = i;
                while (s < e && char.IsWhiteSpace(text[s]))
                {
                    s++;
                }

                while (e > s && char.IsWhiteSpace(text[e - 1]))
                {
                    e--;
                }

                if (e > s)
                {
                    spans.Add(new TextSpan(s, e));
                }

                start = i + 1;
            }
        }

        return spans.ToImmutable();
    }
}
