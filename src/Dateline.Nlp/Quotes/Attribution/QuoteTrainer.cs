using Dateline.Core.Documents;

namespace Dateline.Nlp.Quotes.Attribution;

/// <summary>A gold attribution for training: cue, source and content spans (each possibly in several pieces).</summary>
public sealed record GoldQuote(IReadOnlyList<TextSpan> Cue, IReadOnlyList<TextSpan> Source, IReadOnlyList<TextSpan> Content);

/// <summary>
/// Trains <see cref="QuoteModel"/>: the cue tagger on every token of every sentence, the argument tagger on the windows of
/// the gold cues (a cue in several pieces is anchored at its first piece; attributions sharing an anchor share its
/// window). Documents are shuffled with a fixed seed, so the same data gives the same model.
/// </summary>
public static class QuoteTrainer
{
    public static QuoteModel Train(IReadOnlyList<(Document Document, IReadOnlyList<GoldQuote> Gold)> documents, int iterations,
        Action<string>? log = null, int seed = 17, int minUpdates = 5)
    {
        var prepared = documents.Select(x => Prepare(x.Document, x.Gold)).ToList();
        var words = new HashSet<ulong>();
        foreach (var p in prepared)
        {
            for (var i = 0; i < p.CueTags.Length; i++)
            {
                if (p.CueTags[i] != AttributionTagger.Outside)
                {
                    words.Add(p.Document.Lower[i]);
                }
            }
        }

        var cueTable = new TrainingTable(AttributionTagger.CueClasses, minUpdates);
        var argTable = new TrainingTable(AttributionTagger.ArgumentClasses, minUpdates);
        var random = new Random(seed);
        var order = Enumerable.Range(0, prepared.Count).ToArray();
        for (var it = 1; it <= iterations; it++)
        {
            random.Shuffle(order);
            int cueSeen = 0, cueRight = 0, argSeen = 0, argRight = 0;
            foreach (var k in order)
            {
                var p = prepared[k];
                AttributionTagger.Cues(p.Document, cueTable, words, p.CueTags, (_, gold, guess) =>
                {
                    cueSeen++;
                    cueRight += gold == guess ? 1 : 0;
                    cueTable.Update(gold, guess);
                });
                foreach (var a in p.Arguments)
                {
                    AttributionTagger.Arguments(p.Document, a.Cue, a.From, a.To, argTable, p.Commas, p.CueWords, a.Tags, (_, gold, guess) =>
                    {
                        argSeen++;
                        argRight += gold == guess ? 1 : 0;
                        argTable.Update(gold, guess);
                    });
                }
            }

            log?.Invoke($"iteration {it}: cue tags {(double)cueRight / Math.Max(1, cueSeen):0.0000}, argument tags {(double)argRight / Math.Max(1, argSeen):0.0000}");
        }

        return new QuoteModel(cueTable.Finish(), argTable.Finish(), words);
    }

    private static Prepared Prepare(Document document, IReadOnlyList<GoldQuote> gold)
    {
        var d = new AttributionDocument(document);
        var (commas, cueWords) = AttributionTagger.Counts(d);
        var cueTags = new int[d.Count];
        var windows = new Dictionary<(int, int), int[]>();
        foreach (var g in gold)
        {
            var cue = TokensOf(d, g.Cue);
            if (cue.Count == 0)
            {
                continue;
            }

            for (var k = 0; k < cue.Count; k++)
            {
                var inside = k > 0 && cue[k - 1] == cue[k] - 1;
                if (cueTags[cue[k]] == AttributionTagger.Outside || !inside)
                {
                    cueTags[cue[k]] = inside ? AttributionTagger.CueInside : AttributionTagger.CueBegin;
                }
            }

            var end = 0;
            while (end + 1 < cue.Count && cue[end + 1] == cue[end] + 1)
            {
                end++;
            }

            var anchor = (cue[0], cue[end]);
            var (from, to) = AttributionTagger.Window(d, anchor.Item1, anchor.Item2);
            if (!windows.TryGetValue(anchor, out var kinds))
            {
                windows[anchor] = kinds = new int[to - from];
            }

            foreach (var t in TokensOf(d, g.Source))
            {
                if (t >= from && t < to && kinds[t - from] == 0)
                {
                    kinds[t - from] = 1;
                }
            }

            foreach (var t in TokensOf(d, g.Content))
            {
                if (t >= from && t < to)
                {
                    kinds[t - from] = 2;
                }
            }
        }

        var arguments = new List<ArgumentExample>();
        foreach (var ((start, end), kinds) in windows.OrderBy(w => w.Key))
        {
            var (from, to) = AttributionTagger.Window(d, start, end);
            var tags = new int[kinds.Length];
            for (var i = 0; i < kinds.Length; i++)
            {
                var t = from + i;
                if (t >= start && t <= end || kinds[i] == 0)
                {
                    continue;
                }

                var continues = i > 0 && kinds[i - 1] == kinds[i] && !(t - 1 >= start && t - 1 <= end);
                tags[i] = kinds[i] == 1
                    ? continues ? AttributionTagger.SourceInside : AttributionTagger.SourceBegin
                    : continues ? AttributionTagger.ContentInside : AttributionTagger.ContentBegin;
            }

            arguments.Add(new ArgumentExample(AttributionFeatures.CueFacts.Of(d, start, end), from, to, tags));
        }

        return new Prepared(d, cueTags, arguments, commas, cueWords);
    }

    /// <summary>Indices of the tokens overlapping any of the spans, ascending, without duplicates.</summary>
    private static List<int> TokensOf(AttributionDocument d, IReadOnlyList<TextSpan> spans)
    {
        var set = new SortedSet<int>();
        foreach (var s in spans)
        {
            for (var i = Math.Max(0, d.FirstTokenAtOrAfter(s.Start) - 1); i < d.Count && d.Tokens[i].Start < s.End; i++)
            {
                if (d.Tokens[i].Overlaps(s))
                {
                    set.Add(i);
                }
            }
        }

        return [.. set];
    }

    private sealed record ArgumentExample(AttributionFeatures.CueFacts Cue, int From, int To, int[] Tags);

    private sealed record Prepared(AttributionDocument Document, int[] CueTags, List<ArgumentExample> Arguments, int[] Commas, int[] CueWords);
}
