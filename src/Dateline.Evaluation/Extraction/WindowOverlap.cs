using System.Text.RegularExpressions;

namespace Dateline.Evaluation.Extraction;

/// <summary>
/// The article-extraction benchmark's metric for one page: tokens are <c>\w+</c> runs (case kept); precision and recall
/// are the shares of predicted and gold 4-token windows that the other side also has (multiset intersection).
/// </summary>
public static partial class WindowOverlap
{
    /// <summary>Window length in tokens.</summary>
    public const int N = 4;

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public sealed record Score(double? Precision, double Recall, int PredictedWindows, int GoldWindows);

    public static Score Compare(string predicted, string gold)
    {
        var p = Windows(predicted);
        var g = Windows(gold);
        var pTotal = p.Values.Sum();
        var gTotal = g.Values.Sum();
        var common = p.Sum(kv => g.TryGetValue(kv.Key, out var n) ? Math.Min(n, kv.Value) : 0);
        double? precision = pTotal == 0 ? null : (double)common / pTotal;
        var recall = gTotal == 0 ? (pTotal == 0 ? 1.0 : 0.0) : (double)common / gTotal;
        return new Score(precision, recall, pTotal, gTotal);
    }

    internal static Dictionary<string, int> Windows(string text)
    {
        var tokens = Word().Matches(text).Select(m => m.Value).ToArray();
        var windows = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length < N)
        {
            if (tokens.Length > 0)
            {
                var key = string.Join(' ', tokens);
                windows[key] = 1;
            }

            return windows;
        }

        for (var i = 0; i + N <= tokens.Length; i++)
        {
            var key = string.Join(' ', tokens, i, N);
            windows[key] = windows.GetValueOrDefault(key) + 1;
        }

        return windows;
    }
}
