namespace Dateline.Nlp.Entities;

/// <summary>
/// Trains <see cref="NerModel"/> on BIO-tagged sentences: a gazetteer of the training names (each document sees the
/// names of the other documents only), then <c>iterations</c> shuffled passes of greedy decoding with perceptron updates.
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
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        var scores = new float[tags.Length];
        var dynamic = new List<string>(4);
        var ids = new List<int>(64);
        var helper = new NerModel(tags, features, [], gazetteer);
        for (var it = 0; it < iterations; it++)
        {
            random.Shuffle(order);
            var correct = 0;
            var total = 0;
            foreach (var si in order)
            {
                var s = sentences[si];
                var predicted = new string[s.Words.Length];
                for (var i = 0; i < s.Words.Length; i++)
                {
                    ids.Clear();
                    ids.AddRange(staticIds[si][i]);
                    dynamic.Clear();
                    NerFeatures.Dynamic(dynamic, i > 0 ? predicted[i - 1] : "<s>", i > 1 ? predicted[i - 2] : "<s>",
                        s.Words[i].ToLowerInvariant(), TokenShape.Short(s.Words[i]));
                    foreach (var f in dynamic)
                    {
                        ids.Add(Intern(features, f));
                    }

                    model.EnsureFeatures(features.Count);
                    model.Scores(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), scores);
                    var guess = helper.Best(scores, i > 0 ? predicted[i - 1] : "O");
                    var gold = tagIndex[s.Tags![i]];
                    model.Update(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), gold, guess);
                    predicted[i] = tags[guess];
                    correct += guess == gold ? 1 : 0;
                    total++;
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
