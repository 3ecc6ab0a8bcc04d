namespace Dateline.Nlp.Entities;

/// <summary>
/// Names (up to <see cref="MaxWords"/> tokens, case-insensitive) with a label and a count; marks tokens with
/// "B-LABEL"/"I-LABEL" by greedy longest match. Counts let training exclude a document's own names (jackknifing),
/// so the model learns how far to trust a gazetteer hit instead of copying it.
/// </summary>
public sealed class PhraseGazetteer
{
    public const int MaxWords = 5;

    private readonly Dictionary<string, Dictionary<string, int>> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public IEnumerable<(string Phrase, string Label, int Count)> Entries =>
        _entries.SelectMany(e => e.Value.Select(l => (e.Key, l.Key, l.Value)));

    public void Add(IEnumerable<string> words, string label, int count = 1)
    {
        var key = Key(words);
        if (!_entries.TryGetValue(key, out var labels))
        {
            _entries[key] = labels = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        labels[label] = labels.GetValueOrDefault(label) + count;
    }

    /// <summary>Per-token labels; <paramref name="exclude"/> subtracts one document's own counts.</summary>
    public string?[] Match(string[] words, PhraseGazetteer? exclude = null)
    {
        var result = new string?[words.Length];
        for (var i = 0; i < words.Length;)
        {
            var matched = 0;
            string? label = null;
            for (var n = Math.Min(MaxWords, words.Length - i); n >= 1 && matched == 0; n--)
            {
                if (!char.IsUpper(words[i][0]) && !char.IsDigit(words[i][0]))
                {
                    break; // names start with a capital
                }

                var key = Key(words.AsSpan(i, n).ToArray());
                if (_entries.TryGetValue(key, out var labels) && Best(labels, exclude?._entries.GetValueOrDefault(key)) is { } best)
                {
                    matched = n;
                    label = best;
                }
            }

            if (matched == 0)
            {
                i++;
                continue;
            }

            result[i] = "B-" + label;
            for (var k = 1; k < matched; k++)
            {
                result[i + k] = "I-" + label;
            }

            i += matched;
        }

        return result;
    }

    private static string? Best(Dictionary<string, int> labels, Dictionary<string, int>? minus)
    {
        string? best = null;
        var bestCount = 0;
        foreach (var (label, count) in labels)
        {
            var c = count - (minus?.GetValueOrDefault(label) ?? 0);
            if (c > bestCount)
            {
                (best, bestCount) = (label, c);
            }
        }

        return best;
    }

    private static string Key(IEnumerable<string> words) => string.Join(' ', words).ToLowerInvariant();
}
