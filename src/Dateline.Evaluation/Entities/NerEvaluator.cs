using System.Diagnostics;
using Dateline.Nlp.Entities;

namespace Dateline.Evaluation.Entities;

/// <summary>
/// Entity-level scoring on CoNLL-style data: an entity counts when its span and type both match exactly. Scored
/// types default to PER, ORG and LOC (MISC is tagged but not scored, as in the baseline notes).
/// </summary>
public static class NerEvaluator
{
    public sealed record TypeScore(string Type, int Gold, int Predicted, int Correct)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public sealed record Report(IReadOnlyList<TypeScore> Types, TypeScore Overall, int Tokens, double TokensPerSecond)
    {
        /// <summary>The predicted BIO tags, one array per gold sentence, in order.</summary>
        public IReadOnlyList<string[]> Predictions { get; init; } = [];
    }

    public static Report Run(NerModel model, IReadOnlyList<NerSentence> gold, IReadOnlyCollection<string>? types = null)
    {
        types ??= ["PER", "ORG", "LOC"];
        var counts = types.ToDictionary(t => t, _ => (Gold: 0, Predicted: 0, Correct: 0), StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var predictions = gold.GroupBy(s => s.Document).SelectMany(d => model.TagDocument(d.Select(s => s.Words).ToList())).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        for (var i = 0; i < gold.Count; i++)
        {
            var g = BioSpans.Of(gold[i].Tags!).ToHashSet();
            var p = BioSpans.Of(predictions[i]).ToHashSet();
            foreach (var span in g.Where(s => counts.ContainsKey(s.Type)))
            {
                var c = counts[span.Type];
                counts[span.Type] = (c.Gold + 1, c.Predicted, c.Correct + (p.Contains(span) ? 1 : 0));
            }

            foreach (var span in p.Where(s => counts.ContainsKey(s.Type)))
            {
                var c = counts[span.Type];
                counts[span.Type] = (c.Gold, c.Predicted + 1, c.Correct);
            }
        }

        var scores = counts.Select(kv => new TypeScore(kv.Key, kv.Value.Gold, kv.Value.Predicted, kv.Value.Correct)).ToList();
        var overall = new TypeScore("overall", scores.Sum(s => s.Gold), scores.Sum(s => s.Predicted), scores.Sum(s => s.Correct));
        var tokens = gold.Sum(s => s.Words.Length);
        return new Report(scores, overall, tokens, tokens / seconds) { Predictions = predictions };
    }
}
