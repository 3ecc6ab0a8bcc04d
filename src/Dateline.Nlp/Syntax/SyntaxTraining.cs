using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Syntax;

/// <summary>Trains the tagger (with the lemmatiser) and the parser from CoNLL-U treebanks (`dateline train tagger|parser`).</summary>
public static class SyntaxTraining
{
    /// <summary>The joint tag the tagger predicts: "UPOS XPOS" (XPOS omitted when the treebank has none).</summary>
    public static string JointTag(ConlluWord w) => w.Xpos is "_" or "" ? w.Upos : $"{w.Upos} {w.Xpos}";

    public static void TrainTagger(IReadOnlyList<ConlluSentence> sentences, Stream output, int iterations = 10, bool twoPass = true, Action<string>? log = null, int minUpdates = 1)
    {
        var data = sentences.Select(s => (s.Forms(), s.Words.Select(JointTag).ToArray())).ToList();
        var tagger = TaggerTrainer.Train(data, WordClusters.Default, new TaggerTrainer.Options(iterations, TwoPass: twoPass, MinUpdates: minUpdates), log);
        var lemmatizer = Lemmatizer.Train(sentences.SelectMany(s => s.Words).Select(w => (w.Form, w.Upos, w.Lemma)));
        log?.Invoke($"tagger: {tagger.Tags.Length} tags, {tagger.First.Features + (tagger.Second?.Features ?? 0)} features; lemmatiser: {lemmatizer.TableSize} words, {lemmatizer.RuleCount} suffix rules");
        SyntaxModel.SaveTagger(output, tagger, lemmatizer);
    }

    /// <summary>
    /// Trains the parser on the treebank's trees with the tags a tagger predicts on unseen text (jack-knifed first-pass
    /// tags), so it learns to parse through the tagger's mistakes. With <paramref name="unlabelled"/> sentences, a
    /// parser without association features (<paramref name="baseParser"/>, or one trained here first) parses them with
    /// <paramref name="tagger"/>'s tags, and the parser trained then reads the <see cref="LexicalAssociations"/> of
    /// those parses.
    /// </summary>
    /// <param name="dev">Sentences to score after each iteration (with <paramref name="tagger"/>'s tags), to choose the number of iterations.</param>
    /// <param name="baseParser">A parser model file without associations, trained on the same data (what the first step would train).</param>
    public static void TrainParser(IReadOnlyList<ConlluSentence> sentences, Stream output, int iterations = 12, int tagIterations = 8, Action<string>? log = null,
        IReadOnlyList<ConlluSentence>? dev = null, SyntaxModel? tagger = null, int minUpdates = 3, int[]? tryMinUpdates = null,
        IReadOnlyList<string[]>? unlabelled = null, string? baseParser = null, int agreed = 0, string? reverseParser = null, int ensemble = 1)
    {
        var data = sentences.Select(s => (s.Forms(), s.Words.Select(JointTag).ToArray())).ToList();
        var (tags, predicted) = TaggerTrainer.Jackknife(data, WordClusters.Default, new TaggerTrainer.Options(tagIterations), log);
        var values = tags.Select(PosTagger.TagValue).ToArray();
        var trees = sentences.Select((s, i) => (new WordAtoms(s.Forms(), WordClusters.Default), predicted[i].Select(t => values[t]).ToArray(), s.Heads(), s.Relations())).ToList();
        var options = new ParserTrainer.Options(iterations, MinUpdates: minUpdates, TryMinUpdates: tryMinUpdates);
        var final = options with { Ensemble = ensemble };
        void Score(int iteration, DependencyParser candidate)
        {
            if (dev is not { Count: > 0 } || tagger is null)
            {
                return;
            }

            var model = new SyntaxModel(tagger.Tagger, tagger.Lemmatizer, candidate, tagger.Clusters);
            var score = new SyntaxScore();
            foreach (var s in dev)
            {
                score.Add(s, model.Analyze(s.Forms()));
            }

            log?.Invoke(iteration > 0
                ? $"parser: after iteration {iteration}: dev UPOS {score.UposAccuracy:F4} UAS {score.UasScore:F4} LAS {score.LasScore:F4}"
                : $"parser: keeping features with ≥ {-iteration} updates: {candidate.Weights.Features} features, {candidate.Weights.Bytes / 1024 / 1024} MiB, dev UAS {score.UasScore:F4} LAS {score.LasScore:F4}");
        }

        var associations = LexicalAssociations.Empty;
        if (unlabelled is { Count: > 0 })
        {
            if (tagger is null)
            {
                throw new ArgumentException("unlabelled text needs a tagger to tag it", nameof(tagger));
            }

            DependencyParser first;
            if (baseParser is not null)
            {
                using var file = File.OpenRead(baseParser);
                first = SyntaxModel.ReadParser(file);
                log?.Invoke($"associations: parsing with {baseParser}");
            }
            else
            {
                log?.Invoke("associations: training the parser without them first");
                first = ParserTrainer.Train(trees, LexicalAssociations.Empty, options with { TryMinUpdates = null }, log);
            }

            var model = new SyntaxModel(tagger.Tagger, tagger.Lemmatizer, first, tagger.Clusters);
            var parsed = unlabelled.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(2, Environment.ProcessorCount)).Select(words =>
            {
                var analysis = model.Analyze(words);
                return (new WordAtoms(words, tagger.Clusters), analysis.Heads, analysis.Relations);
            });
            associations = LexicalAssociations.Learn(parsed);
            log?.Invoke($"associations: {unlabelled.Count} sentences, {unlabelled.Sum(s => s.Length)} words parsed; {associations.Count} pairs and triples seen at least twice");
            if (agreed > 0)
            {
                DependencyParser second;
                if (reverseParser is not null)
                {
                    using var file = File.OpenRead(reverseParser);
                    second = SyntaxModel.ReadParser(file);
                    log?.Invoke($"agreement: right-to-left parses by {reverseParser}");
                }
                else
                {
                    log?.Invoke("agreement: training a right-to-left parser without associations");
                    var reversed = sentences.Select((s, i) => Reverse(s.Forms(), trees[i].Item2, s.Heads(), s.Relations())).ToList();
                    second = ParserTrainer.Train(reversed, LexicalAssociations.Empty, options with { TryMinUpdates = null }, log);
                }

                var added = Agreed(unlabelled, tagger, first, second, agreed, options.Seed);
                log?.Invoke($"agreement: {added.Count} sentences ({added.Sum(a => a.Item3.Length)} words) parsed alike in both directions added to the treebank's {trees.Count}");
                trees.AddRange(added);
            }
        }

        var parser = ParserTrainer.Train(trees, associations, final, log, dev is { Count: > 0 } && tagger is not null ? Score : null);
        log?.Invoke($"parser: {parser.Weights.Features} features, {parser.Weights.Entries} weights ({parser.Weights.Bytes / 1024 / 1024} MiB in memory)");
        SyntaxModel.SaveParser(output, parser);
    }

    /// <summary>Trains the right-to-left parser alone (the second view of <c>--agreement</c>), on reversed sentences.</summary>
    public static void TrainReverseParser(IReadOnlyList<ConlluSentence> sentences, Stream output, int iterations = 12, int tagIterations = 8, Action<string>? log = null, int minUpdates = 3)
    {
        var data = sentences.Select(s => (s.Forms(), s.Words.Select(JointTag).ToArray())).ToList();
        var (tags, predicted) = TaggerTrainer.Jackknife(data, WordClusters.Default, new TaggerTrainer.Options(tagIterations), log);
        var values = tags.Select(PosTagger.TagValue).ToArray();
        var reversed = sentences.Select((s, i) => Reverse(s.Forms(), predicted[i].Select(t => values[t]).ToArray(), s.Heads(), s.Relations())).ToList();
        var parser = ParserTrainer.Train(reversed, LexicalAssociations.Empty, new ParserTrainer.Options(iterations, MinUpdates: minUpdates), log);
        SyntaxModel.SaveParser(output, parser);
    }

    /// <summary>A sentence read from right to left: word i becomes word n − 1 − i, heads follow (−1, the root, stays).</summary>
    private static (WordAtoms Atoms, ulong[] Tags, int[] Heads, string[] Relations) Reverse(string[] forms, ulong[] tags, int[] heads, string[] relations)
    {
        var n = forms.Length;
        var h = new int[n];
        for (var i = 0; i < n; i++)
        {
            h[n - 1 - i] = heads[i] < 0 ? -1 : n - 1 - heads[i];
        }

        return (new WordAtoms([.. forms.Reverse()], WordClusters.Default), [.. tags.Reverse()], h, [.. relations.Reverse()]);
    }

    /// <summary>
    /// Unlabelled sentences that the left-to-right and the right-to-left parser parse alike, every head and relation
    /// (agreement-based self-training; Søgaard &amp; Rishøj 2010, Weiss et al. 2015): at most <paramref name="max"/>,
    /// drawn with a fixed seed, of 5 to 60 words.
    /// </summary>
    private static List<(WordAtoms, ulong[], int[], string[])> Agreed(IReadOnlyList<string[]> unlabelled, SyntaxModel tagger, DependencyParser first, DependencyParser second, int max, int seed)
    {
        var values = tagger.Tagger.Tags.Select(PosTagger.TagValue).ToArray();
        var order = Enumerable.Range(0, unlabelled.Count).Where(i => unlabelled[i].Length is >= 5 and <= 60).ToArray();
        new Random(seed).Shuffle(order);
        var results = order.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(2, Environment.ProcessorCount)).Select(i =>
        {
            var words = unlabelled[i];
            var atoms = new WordAtoms(words, tagger.Clusters);
            var tags = tagger.Tagger.Tag(atoms).Select(t => values[t]).ToArray();
            var (h1, l1) = first.Parse(atoms, tags);
            var (rAtoms, rTags, _, _) = Reverse(words, tags, h1, [.. l1.Select(l => first.Labels[l])]);
            var (h2, l2) = second.Parse(rAtoms, rTags);
            var n = words.Length;
            for (var k = 0; k < n; k++)
            {
                var back = h2[n - 1 - k] < 0 ? -1 : n - 1 - h2[n - 1 - k];
                if (back != h1[k] || !string.Equals(first.Labels[l1[k]], second.Labels[l2[n - 1 - k]], StringComparison.Ordinal))
                {
                    return default((WordAtoms, ulong[], int[], string[])?);
                }
            }

            return (atoms, tags, h1, l1.Select(l => first.Labels[l]).ToArray());
        });
        return [.. results.Where(r => r is not null).Select(r => r!.Value).Take(max)];
    }
}
