using Dateline.Core.Articles;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Extraction.Tests;

/// <summary>Reuters-21578 SGML: one article per &lt;REUTERS&gt; record, briefs skipped, bad records reported.</summary>
public sealed class ReutersSgmlReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sgml", "reuters-sample.sgm");

    [Fact]
    public void The_file_is_recognised_by_its_content()
    {
        Assert.Equal(InputKind.ReutersSgml, ArticleExtractor.Sniff(InputFile.FromFile(Sample)));
    }

    [Fact]
    public void Every_record_becomes_an_article_a_skipped_brief_or_a_reported_problem()
    {
        var outcomes = new ArticleExtractor().ReadFile(Sample, Ct).ToList();

        Assert.Equal(4, outcomes.Count);
        var story = outcomes[0].Article!;
        Assert.Equal("JAPAN, SOUTH KOREA TO HOLD TRADE TALKS", story.Title);
        Assert.Equal(ArticleDate.FromDate(new DateOnly(2025, 6, 4)), story.Published);
        Assert.Equal((DateSources.Record, "TOKYO", "Reuters", "Reuters"), (story.PublishedSource, story.Dateline, story.Wire, story.Source));
        Assert.Equal(
        [
            "Japan and South Korea will hold trade talks next month, officials of both governments said on Wednesday, the first such meeting in two years.",
            "The talks will cover steel & shipbuilding, a trade official said, adding that tariffs of 5 pct <or more> would be on the agenda.",
        ], story.Paragraphs);
        Assert.NotNull(story.Origin.Offset);
        Assert.Equal(["trade"], story.Tags); // TOPICS

        Assert.Equal(new SkippedRecord(Reuters.ReutersSgmlReader.Format, "headline-only brief"), outcomes[1].Skipped);

        var table = outcomes[2].Article!;
        Assert.Equal("PORT OF BUSAN WEEKLY ARRIVALS - JUNE 5", table.Title);
        Assert.Equal(["Week ended June 1", "Container ships........41 vs.....38", "Bulk carriers..........17 vs.....20"], table.Paragraphs);
        Assert.Equal(ArticleDate.FromDate(new DateOnly(2025, 6, 5)), table.Published);

        var problem = outcomes[3].Problem!;
        Assert.Equal((Sample, "NEWID 14"), (problem.Path, problem.Record![..8]));
        Assert.Contains("<TEXT>", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_records_is_reported()
    {
        var input = InputFile.FromBytes("empty.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"u8.ToArray());

        var outcome = Assert.Single(new ArticleExtractor().Read(input, Ct));

        Assert.Contains("no <REUTERS> records", outcome.Problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reuters_21578_sample_file_gives_its_stories()
    {
        var path = Corpora.Require(Path.Combine("corpora", "raw", "reuters21578", "reut2-000.sgm"));

        var outcomes = new ArticleExtractor().ReadFile(path, Ct).ToList();

        Assert.Equal(1000, outcomes.Count);
        var articles = outcomes.Where(o => o.Article is not null).Select(o => o.Article!).ToList();
        Assert.Equal(60, outcomes.Count(o => o.Skipped is { Category: "headline-only brief" }));
        Assert.DoesNotContain(outcomes, o => o.Problem is not null);
        Assert.Equal(940, articles.Count);
        Assert.All(articles, a => Assert.Equal(1987, a.Published!.Value.Date.Year));
        Assert.All(articles, a => Assert.DoesNotContain(a.Paragraphs, p => p.Contains("&#", StringComparison.Ordinal) || p.Contains("Reuter\n", StringComparison.Ordinal)));
        Assert.True(articles.Count(a => a.Dateline is not null) > 800, $"{articles.Count(a => a.Dateline is not null)} datelines");
        var first = articles[0];
        Assert.Equal(("BAHIA COCOA REVIEW", "SALVADOR", new DateOnly(1987, 2, 26)), (first.Title, first.Dateline, first.Published!.Value.Date));
    }
}
