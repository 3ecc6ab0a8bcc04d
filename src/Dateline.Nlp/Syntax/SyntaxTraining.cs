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
        IReadOnlyList<string[]>? unlabelled = null, string? baseParser = null)
    {
        var data = sentences.Select(s => (s.Forms(), s.Words.Select(JointTag).ToArray())).ToList();
        var (tags, predicted) = TaggerTrainer.Jackknife(data, WordClusters.Default, new TaggerTrainer.Options(tagIterations), log);
        var values = tags.Select(PosTagger.TagValue).ToArray();
        var trees = sentences.Select((s, i) => (new WordAtoms(s.Forms(), WordClusters.Default), predicted[i].Select(t => values[t]).ToArray(), s.Heads(), s.Relations())).ToList();
        var options = new ParserTrainer.Options(iterations, MinUpdates: minUpdates, TryMinUpdates: tryMinUpdates);
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
        }

        var parser = ParserTrainer.Train(trees, associations, options, log, dev is { Count: > 0 } && tagger is not null ? Score : null);
        log?.Invoke($"parser: {parser.Weights.Features} features, {parser.Weights.Entries} weights ({parser.Weights.Bytes / 1024 / 1024} MiB in memory)");
        SyntaxModel.SaveParser(output, parser);
    }
}
