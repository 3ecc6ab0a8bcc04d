using System.Diagnostics;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Extraction.Tests.Warc;

/// <summary>The real WARC files in ../shared/corpora/raw/warc (read in place, never copied into the repo).</summary>
[Trait("issue", "3")]
public sealed class WarcCorpusTests
{
    [Theory]
    [InlineData("warcio-example.warc", 1, "request 2, revisit 1, warcinfo 2")]
    [InlineData("warcio-example.warc.gz", 1, "request 2, revisit 1, warcinfo 2")]
    [InlineData("ukwa-IAH-urls-wget.warc.gz", 2, "HTTP 3xx 9, non-HTML 8, request 16, warcinfo 1")]
    [InlineData("ukwa-wikipedia-main-page-2012.warc.gz", 1, "non-HTML 72, request 77, warcinfo 1")]
    public void Real_warc_file_reads_without_a_problem_and_every_record_is_an_article_or_counted(string name, int articles, string skipped)
    {
        var path = Corpora.Require(Path.Combine("corpora", "raw", "warc", name));
        var clock = Stopwatch.StartNew();
        var outcomes = new ArticleExtractor().ReadFile(path, TestContext.Current.CancellationToken).ToList();
        clock.Stop();
        var read = outcomes.Articles();
        var skips = string.Join(", ", outcomes.Skips().OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {outcomes.Count} records in {clock.ElapsedMilliseconds} ms; "
                                                        + $"articles: {string.Join(", ", read.Select(a => a.Url))}; skipped: {skips}");

        Assert.Empty(outcomes.Problems());
        Assert.Equal(articles, read.Count);
        Assert.Equal(skipped, skips);
        Assert.All(read, a =>
        {
            Assert.NotNull(a.Crawled);
            Assert.Equal(path, a.Origin.Path);
            Assert.NotEmpty(a.Paragraphs);
        });
    }

    [Fact]
    public void Html_responses_in_the_wget_crawl_are_de_chunked_before_extraction()
    {
        var path = Corpora.Require(Path.Combine("corpora", "raw", "warc", "ukwa-IAH-urls-wget.warc.gz"));
        var articles = new ArticleExtractor().ReadFile(path, TestContext.Current.CancellationToken).Articles();
        Assert.All(articles, a => Assert.DoesNotMatch(@"(^|\n)[0-9a-f]{1,6}(\n|$)", a.Body));
        Assert.All(articles, a => Assert.StartsWith("https://archive.org/", a.Url, StringComparison.Ordinal));
    }
}
