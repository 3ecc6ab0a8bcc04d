namespace Dateline.Nlp.Syntax;

/// <summary>
/// Trains <see cref="DependencyParser"/> with the dynamic oracle and error exploration (Goldberg &amp; Nivre 2012):
/// from the second iteration on, the parser follows its own prediction (also when it is wrong) with probability
/// <see cref="Options.Explore"/>, and each step updates towards the best-scoring transition of zero cost. Sentences are
/// shuffled with a fixed seed, so the same data gives the same model.
/// </summary>
internal static class ParserTrainer
{
    public sealed record Options(int Iterations = 12, double Explore = 0.9, float Prune = 1e-3f, int Seed = 13, int MinUpdates = 3, int[]? TryMinUpdates = null);

    public sealed record Sentence(WordAtoms Atoms, ulong[] Tags, int[] GoldHeads, int[] GoldLabels);

    /// <param name="data">Sentences with their tag values (<see cref="PosTagger.TagValue"/>, as the tagger predicts them), 0-based gold heads (-1 = root) and relations.</param>
    /// <param name="associations">Word-pair frequencies the features read (<see cref="LexicalAssociations.Empty"/>: none).</param>
    public static DependencyParser Train(IReadOnlyList<(WordAtoms Atoms, ulong[] Tags, int[] Heads, string[] Relations)> data, LexicalAssociations associations, Options options, Action<string>? log = null,
        Action<int, DependencyParser>? afterIteration = null)
    {
        var labels = data.SelectMany(s => s.Relations).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var rootLabel = index["root"];
        var sentences = new List<Sentence>();
        var lifted = 0;
        foreach (var (atoms, tags, heads, relations) in data)
        {
            // Positions: 0 = root, words 1..n.
            var h = new int[heads.Length + 1];
            var l = new int[heads.Length + 1];
            for (var i = 0; i < heads.Length; i++)
            {
                h[i + 1] = heads[i] + 1;
                l[i + 1] = index[relations[i]];
            }

            var projective = Projectivizer.Lift(h);
            lifted += projective.Where((x, i) => x != h[i]).Count();
            if (projective.Count(x => x == 0) - 1 != 1)
            {
                continue; // not one root (index 0's own entry is 0 too): cannot be built with the single-root constraint
            }

            sentences.Add(new Sentence(atoms, tags, projective, l));
        }

        log?.Invoke($"parser: {sentences.Count} sentences, {labels.Length} relations, {lifted} arcs lifted to projectivize");
        var perceptron = new HashedPerceptron(2 + (2 * labels.Length));
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(options.Seed);
        for (var it = 0; it < options.Iterations; it++)
        {
            random.Shuffle(order);
            var (correct, total) = (0, 0);
            foreach (var i in order)
            {
                var (c, t) = TrainSentence(perceptron, sentences[i], associations, labels.Length, rootLabel, it > 0 ? options.Explore : 0, random);
                correct += c;
                total += t;
            }

            log?.Invoke($"parser: iteration {it + 1}/{options.Iterations}, zero-cost moves {(double)correct / total:F4}, {perceptron.Features} features");
            if (afterIteration is not null && it + 1 < options.Iterations)
            {
                afterIteration(it + 1, new DependencyParser(labels, perceptron.Averaged(options.Prune, options.MinUpdates), associations));
            }
        }

        foreach (var min in options.TryMinUpdates ?? [])
        {
            afterIteration?.Invoke(-min, new DependencyParser(labels, perceptron.Averaged(options.Prune, min), associations));
        }

        return new DependencyParser(labels, perceptron.Averaged(options.Prune, options.MinUpdates), associations);
    }

    private static (int Correct, int Total) TrainSentence(HashedPerceptron perceptron, Sentence s, LexicalAssociations associations, int labels, int rootLabel, double explore, Random random)
    {
        var state = new ArcEagerState(s.Tags.Length, labels, rootLabel);
        Span<ulong> features = stackalloc ulong[ParserFeatures.Max];
        Span<float> scores = stackalloc float[state.Classes];
        Span<int> costs = stackalloc int[state.Classes];
        var (correct, total) = (0, 0);
        while (!state.Terminal)
        {
            var count = ParserFeatures.Extract(state, s.Atoms, s.Tags, associations, features);
            perceptron.Scores(features[..count], scores);
            var guess = DependencyParser.BestValid(state, scores);
            ArcEagerOracle.Fill(state, s.GoldHeads, s.GoldLabels, costs);
            var best = -1;
            var bestCost = int.MaxValue;
            for (var t = 0; t < scores.Length; t++)
            {
                var cost = costs[t];
                if (cost == int.MaxValue)
                {
                    continue;
                }

                if (cost < bestCost || (cost == bestCost && scores[t] > scores[best]))
                {
                    best = t;
                    bestCost = cost;
                }
            }

            var guessCost = costs[guess];
            if (guessCost > bestCost)
            {
                perceptron.Update(features[..count], best, guess);
            }
            else
            {
                perceptron.Tick();
                correct++;
            }

            total++;
            state.Apply(guessCost == bestCost || random.NextDouble() < explore ? guess : best);
        }

        return (correct, total);
    }
}
