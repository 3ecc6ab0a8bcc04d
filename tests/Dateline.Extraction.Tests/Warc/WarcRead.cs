using Dateline.Core.Articles;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests.Warc;

/// <summary>Reads WARC bytes through the extractor's front door, as ingest does.</summary>
internal static class WarcRead
{
    public static List<ReadOutcome> All(byte[] bytes, ExtractionOptions? options = null, string name = "crawl.warc.gz") =>
        [.. new ArticleExtractor(options).Read(InputFile.FromBytes(name, bytes), TestContext.Current.CancellationToken)];

    public static List<Article> Articles(this IEnumerable<ReadOutcome> outcomes) =>
        [.. outcomes.Where(o => o.Article is not null).Select(o => o.Article!)];

    public static Dictionary<string, int> Skips(this IEnumerable<ReadOutcome> outcomes) =>
        outcomes.Where(o => o.Skipped is not null).GroupBy(o => o.Skipped!.Category).ToDictionary(g => g.Key, g => g.Count());

    public static List<Core.Errors.InputProblem> Problems(this IEnumerable<ReadOutcome> outcomes) =>
        [.. outcomes.Where(o => o.Problem is not null).Select(o => o.Problem!)];
}
