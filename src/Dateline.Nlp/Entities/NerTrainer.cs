namespace Dateline.Nlp.Entities;

/// <summary>
/// Trains <see cref="NerModel"/> on BIO-tagged sentences: a gazetteer of the training names (each document sees the
/// names of the other documents only), then <c>iterations</c> shuffled passes of Viterbi decoding with structured perceptron updates.
/// </summary>
public static class NerTrainer
{
    /// <summary>
    /// Two passes: the first model as <see cref="Train"/>; the second also sees <see cref="DocumentEvidence"/>, computed on
    /// the training data from first-pass tags of models that did not see that document (k-fold jack-knifing).
    /// </summary>
    public static NerModel TrainTwoPass(IReadOnlyList<NerSentence> sentences, int iterations, int folds = 4, Action<string>? log = null)
    {
        var first = Train(sentences, iterations, m => log?.Invoke("pass 1: " + m));
        var documents = sentences.GroupBy(s => s.Document).ToList();
        var firstPassTags = new Dictionary<NerSentence, string[]>();
        for (var k = 0; k < folds; k++)
        {
            var heldOut = documents.Where((_, i) => i % folds == k).SelectMany(g => g).ToList();
            var rest = documents.Where((_, i) => i % folds != k).SelectMany(g => g).ToList();
            var foldModel = Train(rest, iterations, m => log?.Invoke($"fold {k + 1}/{folds}: " + m));
            foreach (var s in heldOut)
            {
                firstPassTags[s] = foldModel.Tag(s.Words);
            }
        }

        var evidence = new Dictionary<NerSentence, string?[]>();
        foreach (var doc in documents)
        {
            var list = doc.ToList();
            var e = DocumentEvidence.Compute(list.Select(s => s.Words).ToList(), list.Select(s => firstPassTags[s]).ToList());
            for (var i = 0; i < list.Count; i++)
            {
                evidence[list[i]] = e[i];
            }
        }

        first.SecondPass = Train(sentences, iterations, m => log?.Invoke("pass 2: " + m), document: evidence);
        return first;
    }

    public static NerModel Train(IReadOnlyList<NerSentence> sentences, int iterations, Action<string>? log = null, int seed = 17,
        IReadOnlyDictionary<NerSentence, string?[]>? document = null)
    {
        var tags = sentences.SelectMany(s => s.Tags!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var tagIndex = tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var gazetteer = new PhraseGazetteer();
        var perDocument = new Dictionary<int, PhraseGazetteer>();
        foreach (var s in sentences)
        {
            if (!perDocument.TryGetValue(s.Document, out var own))
            {
                perDocument[s.Document] = own = new PhraseGazetteer();
            }

            foreach (var (words, label) in Entities(s))
            {
                gazetteer.Add(words, label);
                own.Add(words, label);

                // Parts of longer names ("Hayashi" of "Yoshimasa Hayashi") as weaker evidence, labelled "p-TYPE".
                if (words.Length > 1)
                {
                    foreach (var part in words.Where(w => w.Length > 1 && char.IsUpper(w[0])))
                    {
                        gazetteer.Add([part], "p-" + label);
                        own.Add([part], "p-" + label);
                    }
                }
            }
        }

        var statics = sentences.Select(s =>
        {
            var features = NerFeatures.Static(s.Words, gazetteer.Match(s.Words, perDocument[s.Document]));
            if (document?.GetValueOrDefault(s) is { } evidence)
            {
                NerFeatures.AddDocument(s.Words, features, evidence);
            }

            return features;
        }).ToArray();
        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        var model = new Learning.AveragedPerceptron(tags.Length);
        var staticIds = statics.Select(sentence => sentence.Select(tokenFeatures => tokenFeatures.Select(f => Intern(features, f)).ToArray()).ToArray()).ToArray();

        // Transition features for every possible previous tag (-1 = start), token-major: [i][previous + 1][3].
        var transition = new List<string>(3);
        var transitionIds = sentences.Select(s =>
        {
            var ids = new int[s.Words.Length * (tags.Length + 1) * 3];
            for (var i = 0; i < s.Words.Length; i++)
            {
                var lower = s.Words[i].ToLowerInvariant();
                var shape = TokenShape.Short(s.Words[i]);
                for (var p = -1; p < tags.Length; p++)
                {
                    transition.Clear();
                    NerFeatures.Transition(transition, p < 0 ? "<s>" : tags[p], lower, shape);
                    for (var k = 0; k < 3; k++)
                    {
                        ids[(((i * (tags.Length + 1)) + p + 1) * 3) + k] = Intern(features, transition[k]);
                    }
                }
            }

            return ids;
        }).ToArray();
        model.EnsureFeatures(features.Count);
        var allowed = BioViterbi.Allowed(tags);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        for (var it = 0; it < iterations; it++)
        {
            random.Shuffle(order);
            var correct = 0;
            var total = 0;
            foreach (var si in order)
            {
                var s = sentences[si];
                var n = s.Words.Length;
                var scores = new float[n * tags.Length];
                for (var i = 0; i < n; i++)
                {
                    model.Scores(staticIds[si][i], scores.AsSpan(i * tags.Length, tags.Length));
                }

                var tIds = transitionIds[si];
                var predicted = BioViterbi.Decode(n, tags.Length, scores, allowed, (i, p, into) =>
                {
                    model.AddScores(tIds.AsSpan(((i * (tags.Length + 1)) + p + 1) * 3, 3), into);
                });

                // Structured perceptron update (Collins 2002): the gold path's features up, the predicted path's down.
                model.Tick();
                for (var i = 0; i < n; i++)
                {
                    var gold = tagIndex[s.Tags![i]];
                    var guess = predicted[i];
                    var goldPrevious = i > 0 ? tagIndex[s.Tags[i - 1]] : -1;
                    var guessPrevious = i > 0 ? predicted[i - 1] : -1;
                    correct += guess == gold ? 1 : 0;
                    total++;
                    if (gold == guess && goldPrevious == guessPrevious)
                    {
                        continue;
                    }

                    if (gold != guess)
                    {
                        model.Add(staticIds[si][i], gold, 1);
                        model.Add(staticIds[si][i], guess, -1);
                    }

                    model.Add(tIds.AsSpan(((i * (tags.Length + 1)) + goldPrevious + 1) * 3, 3), gold, 1);
                    model.Add(tIds.AsSpan(((i * (tags.Length + 1)) + guessPrevious + 1) * 3, 3), guess, -1);
                }
            }

            log?.Invoke($"iteration {it + 1}/{iterations}: token accuracy {(double)correct / total:0.0000}, {features.Count} features");
        }

        model.Average();
        return NerModel.FromTraining(tags, features, model, gazetteer);
    }

    /// <summary>Entity spans of a BIO-tagged sentence as (words, label).</summary>
    public static IEnumerable<(string[] Words, string Label)> Entities(NerSentence s)
    {
        var tags = s.Tags!;
        for (var i = 0; i < tags.Length; i++)
        {
            if (!tags[i].StartsWith("B-", StringComparison.Ordinal))
            {
                continue;
            }

            var label = tags[i][2..];
            var j = i + 1;
            while (j < tags.Length && tags[j] == "I-" + label)
            {
                j++;
            }

            yield return (s.Words[i..j], label);
        }
    }

    private static int Intern(Dictionary<string, int> features, string f)
    {
        if (!features.TryGetValue(f, out var id))
        {
            id = features.Count;
            features[f] = id;
        }

        return id;
    }
}
