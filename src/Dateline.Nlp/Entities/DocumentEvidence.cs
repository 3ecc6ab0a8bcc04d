namespace Dateline.Nlp.Entities;

/// <summary>
/// Document-level evidence for the second tagging pass: for each capitalised word, the entity type the first pass gave
/// the same word elsewhere in the document (majority, excluding the token itself). A name tagged PER in one sentence is
/// likely PER where the context is weak ("Hayashi said"), and a club named after a city stays an ORG.
/// </summary>
public static class DocumentEvidence
{
    public static string?[][] Compute(IReadOnlyList<string[]> words, IReadOnlyList<string[]> firstPass)
    {
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var s = 0; s < words.Count; s++)
        {
            for (var i = 0; i < words[s].Length; i++)
            {
                var w = words[s][i];
                if (w.Length < 2 || !char.IsUpper(w[0]))
                {
                    continue;
                }

                if (!votes.TryGetValue(w, out var v))
                {
                    votes[w] = v = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                var type = firstPass[s][i] == "O" ? "O" : firstPass[s][i][2..];
                v[type] = v.GetValueOrDefault(type) + 1;
            }
        }

        var result = new string?[words.Count][];
        for (var s = 0; s < words.Count; s++)
        {
            result[s] = new string?[words[s].Length];
            for (var i = 0; i < words[s].Length; i++)
            {
                var w = words[s][i];
                if (!votes.TryGetValue(w, out var v))
                {
                    continue;
                }

                var own = firstPass[s][i] == "O" ? "O" : firstPass[s][i][2..];
                string? best = null;
                var bestCount = 0;
                var others = 0;
                foreach (var (type, count) in v)
                {
                    var c = type == own ? count - 1 : count;
                    others += c;
                    if (c > bestCount)
                    {
                        (best, bestCount) = (type, c);
                    }
                }

                if (best is not null)
                {
                    result[s][i] = best + (bestCount * 2 > others ? "" : "?");
                }
            }
        }

        return result;
    }
}
