using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Syntax;

/// <summary>
/// Trains <see cref="PosTagger"/>: each pass is an averaged perceptron over shuffled sentences (fixed seed, so the same
/// data gives the same model). The second pass learns from first-pass tags made by jack-knifing (each fold tagged by a
/// first pass trained on the other folds), so it sees the first pass's real errors, not its training-set accuracy.
/// </summary>
internal static class TaggerTrainer
{
    public sealed record Options(int Iterations = 10, int Folds = 4, bool TwoPass = true, float Prune = 1e-3f, int Seed = 7, int MinUpdates = 1);

    public static PosTagger Train(IReadOnlyList<(string[] Words, string[] Tags)> data, WordClusters clusters, Options options, Action<string>? log = null)
    {
        var tags = data.SelectMany(s => s.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var sentences = data.Select(s => (Atoms: new WordAtoms(s.Words, clusters), Gold: s.Tags.Select(t => index[t]).ToArray())).ToList();

        var first = TrainPass(sentences, null, tags.Length, options, log, "first pass");
        if (!options.TwoPass)
        {
            return new PosTagger(tags, first, null);
        }

        var ahead = Jackknife(sentences, tags, options, log);
        var second = TrainPass(sentences, ahead, tags.Length, options, log, "second pass");
        return new PosTagger(tags, first, second);
    }

    /// <summary>
    /// First-pass tags of every sentence from taggers that did not see it (each of <see cref="Options.Folds"/> folds
    /// tagged by a first pass trained on the others): the tags a tagger really gives on unseen text.
    /// </summary>
    public static (string[] Tags, int[][] Predicted) Jackknife(IReadOnlyList<(string[] Words, string[] Tags)> data, WordClusters clusters, Options options, Action<string>? log = null)
    {
        var tags = data.SelectMany(s => s.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var sentences = data.Select(s => (Atoms: new WordAtoms(s.Words, clusters), Gold: s.Tags.Select(t => index[t]).ToArray())).ToList();
        return (tags, Jackknife(sentences, tags, options, log));
    }

    private static int[][] Jackknife(List<(WordAtoms Atoms, int[] Gold)> sentences, string[] tags, Options options, Action<string>? log)
    {
        var ahead = new int[sentences.Count][];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = sentences.Where((_, i) => i % options.Folds != fold).ToList();
            var weights = TrainPass(train, null, tags.Length, options, log, $"fold {fold + 1}/{options.Folds}");
            var tagger = new PosTagger(tags, weights, null);
            for (var i = fold; i < sentences.Count; i += options.Folds)
            {
                ahead[i] = tagger.Pass(weights, sentences[i].Atoms, null);
            }
        }

        return ahead;
    }

    private static FeatureWeights TrainPass(List<(WordAtoms Atoms, int[] Gold)> sentences, int[][]? ahead, int classes, Options options, Action<string>? log, string name)
    {
        var perceptron = new HashedPerceptron(classes);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(options.Seed);
        Span<ulong> features = stackalloc ulong[TaggerFeatures.Max];
        Span<float> scores = stackalloc float[classes];
        for (var it = 0; it < options.Iterations; it++)
        {
            random.Shuffle(order);
            var correct = 0;
            var total = 0;
            foreach (var s in order)
            {
                var (atoms, gold) = sentences[s];
                var predicted = new int[gold.Length];
                for (var i = 0; i < gold.Length; i++)
                {
                    var count = TaggerFeatures.Extract(atoms, i, i > 0 ? predicted[i - 1] : -1, i > 1 ? predicted[i - 2] : -1, ahead?[s], features);
                    perceptron.Scores(features[..count], scores);
                    var guess = PosTagger.ArgMax(scores);
                    perceptron.Update(features[..count], gold[i], guess);
                    predicted[i] = guess;
                    correct += guess == gold[i] ? 1 : 0;
                    total++;
                }
            }

            log?.Invoke($"tagger {name}: iteration {it + 1}/{options.Iterations}, training accuracy {(double)correct / total:F4}");
        }

        return perceptron.Averaged(options.Prune, options.MinUpdates);
    }
}
