using System.Diagnostics;
using System.Text.Json;
using Dateline.Extraction.Reading;

namespace Dateline.Evaluation.Extraction;

/// <summary>
/// Runs extraction over a folder of <c>&lt;id&gt;.html</c> pages with gold <c>&lt;id&gt;.json</c> (<c>articleBody</c>)
/// and scores each page with <see cref="WindowOverlap"/>. P and R are averaged over pages (pages with empty output
/// count against recall only) and F1 is taken of the two averages, as the benchmark does.
/// </summary>
public sealed class ExtractionEvaluator(ArticleExtractor extractor)
{
    public sealed record PageResult(string Id, double? Precision, double Recall, int Paragraphs, double Milliseconds);

    public sealed record Report(int Pages, double Precision, double Recall, double F1, double PagesPerSecond, IReadOnlyList<PageResult> PageResults);

    public Report Run(string folder, CancellationToken cancellationToken = default)
    {
        var pages = Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal).ToList();
        if (pages.Count == 0)
        {
            throw new FileNotFoundException($"no *.html pages in '{folder}'");
        }

        var results = new List<PageResult>(pages.Count);
        var total = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var goldPath = Path.ChangeExtension(page, ".json");
            if (!File.Exists(goldPath))
            {
                continue;
            }

            var gold = JsonDocument.Parse(File.ReadAllText(goldPath)).RootElement.GetProperty("articleBody").GetString() ?? string.Empty;
            var clock = Stopwatch.StartNew();
            var article = extractor.ReadFile(page, cancellationToken).Select(o => o.Article).FirstOrDefault(a => a is not null);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var score = WindowOverlap.Compare(article?.Body ?? string.Empty, gold);
            results.Add(new PageResult(Path.GetFileNameWithoutExtension(page), score.Precision, score.Recall,
                article?.Paragraphs.Length ?? 0, elapsed));
        }

        var seconds = total.Elapsed.TotalSeconds;
        var withOutput = results.Where(r => r.Precision is not null).ToList();
        var p = withOutput.Count == 0 ? 0 : withOutput.Average(r => r.Precision!.Value);
        var rec = results.Average(r => r.Recall);
        var f1 = p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
        return new Report(results.Count, p, rec, f1, results.Count / seconds, results);
    }
}
