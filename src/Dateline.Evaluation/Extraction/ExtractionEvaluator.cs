using System.Diagnostics;
using System.Text.Json;
using Dateline.Extraction.Reading;

namespace Dateline.Evaluation.Extraction;

/// <summary>
/// Runs extraction over a folder of <c>&lt;id&gt;.html</c> pages with gold <c>&lt;id&gt;.json</c> (<c>articleBody</c>)
/// and scores each page with <see cref="WindowOverlap"/>. P and R are averaged over pages (pages with empty output
/// count against recall only) and F1 is taken of the two averages, as the benchmark does. With <c>folds</c> &gt; 1 each
/// page also carries the fold of its host (<see cref="HostFolds"/>), and <see cref="Summarize"/> scores any subset.
/// </summary>
public sealed class ExtractionEvaluator(ArticleExtractor extractor)
{
    public sealed record PageResult(string Id, double? Precision, double Recall, int Paragraphs, double Milliseconds,
        string Host = "", int Fold = 1, IReadOnlyList<string>? Warnings = null);

    public sealed record Report(int Pages, double Precision, double Recall, double F1, double PagesPerSecond, IReadOnlyList<PageResult> PageResults)
    {
        /// <summary>Pages whose extraction came out empty (no article).</summary>
        public int Empty => PageResults.Count(r => r.Precision is null);
    }

    /// <summary>The benchmark's score of a subset of pages (one fold, one host): P and R averaged over pages, F1 of the two.</summary>
    public static (int Pages, double Precision, double Recall, double F1) Summarize(IReadOnlyCollection<PageResult> results)
    {
        var withOutput = results.Where(r => r.Precision is not null).ToList();
        var p = withOutput.Count == 0 ? 0 : withOutput.Average(r => r.Precision!.Value);
        var rec = results.Count == 0 ? 0 : results.Average(r => r.Recall);
        return (results.Count, p, rec, p + rec == 0 ? 0 : 2 * p * rec / (p + rec));
    }

    public Report Run(string folder, CancellationToken cancellationToken = default) => Run(folder, 1, cancellationToken);

    /// <summary>Scores every page; <paramref name="folds"/> deals the pages' hosts (from the gold <c>url</c>) into folds.</summary>
    public Report Run(string folder, int folds, CancellationToken cancellationToken = default)
    {
        var pages = Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal).ToList();
        if (pages.Count == 0)
        {
            throw new FileNotFoundException($"no *.html pages in '{folder}'");
        }

        var golds = pages.Where(p => File.Exists(Path.ChangeExtension(p, ".json")))
            .ToDictionary(p => p, p => ReadGold(Path.ChangeExtension(p, ".json")), StringComparer.Ordinal);
        var hosts = golds.ToDictionary(kv => kv.Key,
            kv => HostFolds.HostOf(kv.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null), StringComparer.Ordinal);
        var foldOf = HostFolds.Assign(hosts.Values, folds);
        var results = new List<PageResult>(pages.Count);
        var total = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!golds.TryGetValue(page, out var goldJson))
            {
                continue;
            }

            var gold = goldJson.GetProperty("articleBody").GetString() ?? string.Empty;
            var clock = Stopwatch.StartNew();
            var article = extractor.ReadFile(page, cancellationToken).Select(o => o.Article).FirstOrDefault(a => a is not null);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var score = WindowOverlap.Compare(article?.Body ?? string.Empty, gold);
            results.Add(new PageResult(Path.GetFileNameWithoutExtension(page), score.Precision, score.Recall,
                article?.Paragraphs.Length ?? 0, elapsed, hosts[page], foldOf[hosts[page]], article?.Warnings ?? []));
        }

        var seconds = total.Elapsed.TotalSeconds;
        var (_, p, rec, f1) = Summarize(results);
        return new Report(results.Count, p, rec, f1, results.Count / seconds, results);
    }

    private static JsonElement ReadGold(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.Clone();
    }
}
