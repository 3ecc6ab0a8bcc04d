using Dateline.Core.Articles;
using Dateline.Extraction.Feeds;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests.Feeds;

public sealed class FeedReaderTests
{
    [Fact]
    public void Feeds_are_sniffed_as_feeds()
    {
        foreach (var name in new[] { "bad-pubdate.xml", "rss10-full.xml", "atom-full.xml", "rss091-full.xml", "billion-laughs.xml" })
        {
            Assert.Equal(InputKind.Feed, ArticleExtractor.Sniff(InputFile.FromFile(FeedFixtures.PathOf(name))));
        }
    }

    [Fact]
    public void A_bad_pubDate_loses_only_that_date()
    {
        var articles = FeedFixtures.Articles("bad-pubdate.xml");

        Assert.Equal(3, articles.Count);
        Assert.Equal("2025-06-10T08:30:00+09:00", articles[0].Published.ToString());
        Assert.Null(articles[1].Published);
        Assert.Null(articles[1].PublishedSource);
        Assert.Null(articles[1].DateReliable);
        Assert.Equal("Ferry timetable changes for the summer season", articles[1].Title);
        Assert.Contains(articles[1].Warnings, w => w.Contains("14/03/2026 6:45am", StringComparison.Ordinal) && w.Contains("ignored", StringComparison.Ordinal));
        Assert.Equal("2025-06-11T17:05:00Z", articles[2].Published.ToString());
        Assert.Equal(DateSources.Feed, articles[2].PublishedSource);
        Assert.True(articles[2].DateReliable);
    }

    [Fact]
    public void Odd_RFC_822_and_ISO_dates_are_read()
    {
        var dates = FeedFixtures.Articles("odd-dates.xml").Select(a => a.Published?.ToString()).ToList();

        Assert.Equal(["2023-06-07", "2025-06-10T21:15:00-05:00", "2025-06-09T06:00:00-07:00", "2025-06-04T23:40:00+09:00",
            "2025-06-05T10:20:30+05:30", "2025-06-05"], dates);
    }

    [Fact]
    public void Html_entities_in_a_feed_without_a_DTD_do_not_kill_it()
    {
        var article = Assert.Single(FeedFixtures.Articles("html-entities.xml"));

        Assert.Equal("Rail strike ends — trains run again…", article.Title);
        Assert.Equal("https://continental-dispatch.test/rail-strike-ends?a=1&b=2", article.Url);
        Assert.Equal("Unions at AT&T Rail and the ministry signed a deal overnight – the café car returns © Continental Dispatch.",
            Assert.Single(article.Paragraphs));
    }

    [Fact]
    public void Rss_0_91_with_a_DOCTYPE_and_a_long_description_is_a_full_article()
    {
        var article = Assert.Single(FeedFixtures.Articles("rss091-full.xml"));

        Assert.DoesNotContain(FeedArticleBuilder.LinkOnlyWarning, article.Warnings);
        Assert.Equal(3, article.Paragraphs.Length);
        Assert.StartsWith("The cranes on the east quay stopped turning", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("Harbour Review", article.Source);
        Assert.Equal("en", article.Language);
        Assert.Equal("windows-1252", article.Charset);
        Assert.Equal("meta", article.CharsetSource);
        Assert.Equal(new ArticleOrigin(FeedFixtures.PathOf("rss091-full.xml"), 0), article.Origin);
    }

    [Fact]
    public void Rss_1_0_content_encoded_is_the_article_and_the_channel_title_is_the_source()
    {
        var article = Assert.Single(FeedFixtures.Articles("rss10-full.xml"));

        Assert.Equal("Han River Journal", article.Source);
        Assert.Equal("Bridge lights to dim at midnight to save power", article.Title);
        Assert.Equal("https://han-river-journal.test/2025/06/bridge-lights", article.Url);
        Assert.Equal("2025-06-12T18:00:00+09:00", article.Published.ToString());
        Assert.Equal(["Min-ji Park"], article.Authors);
        Assert.Equal(3, article.Paragraphs.Length);
        Assert.Contains("hardly anyone is there to see it", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_html_xhtml_and_text_content_become_articles()
    {
        var articles = FeedFixtures.Articles("atom-full.xml");

        Assert.Equal(3, articles.Count);
        Assert.All(articles, a => Assert.DoesNotContain(FeedArticleBuilder.LinkOnlyWarning, a.Warnings));
        Assert.Equal("Fish market moves to the new hall", articles[0].Title);
        Assert.Equal("https://atlantic-standard.test/2025/06/12/fish-market-moves", articles[0].Url);
        Assert.Equal("2025-06-12T06:30:00-04:00", articles[0].Published.ToString());
        Assert.Equal("2025-06-12T09:00:00-04:00", articles[0].Modified.ToString());
        Assert.Equal("HALIFAX", articles[0].Dateline);
        Assert.StartsWith("The fish market will open", articles[0].Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal(["Ana Silva"], articles[0].Authors);
        Assert.Equal("en", articles[0].Language);

        Assert.Equal(["The council approved repairs to the old harbour wall on Wednesday.", "Work starts in September and should take six months."],
            articles[1].Paragraphs);
        Assert.Equal("2025-06-11T15:45:00Z", articles[1].Published.ToString());

        Assert.Equal(2, articles[2].Paragraphs.Length);
        Assert.Equal("Atlantic Standard", articles[2].Source);
    }

    [Fact]
    public void Link_only_items_keep_their_metadata_and_say_so()
    {
        var articles = FeedFixtures.Articles("link-only.xml");

        Assert.Equal(2, articles.Count);
        var bare = articles[0];
        Assert.Contains(FeedArticleBuilder.LinkOnlyWarning, bare.Warnings);
        Assert.Empty(bare.Paragraphs);
        Assert.Equal("https://example-news.test/2025/06/only-a-link", bare.Url);
        Assert.Equal("Only a title and a link", bare.Title);
        Assert.Equal("Example News", bare.Source);
        Assert.Equal(["Lena Fischer"], bare.Authors);
        Assert.Equal("2025-06-13T10:00:00Z", bare.Published.ToString());
        Assert.Equal(["World"], bare.Tags); // the item's <category>

        var teaser = articles[1];
        Assert.Contains(FeedArticleBuilder.LinkOnlyWarning, teaser.Warnings);
        Assert.Equal("https://example-news.test/2025/06/with-teaser", teaser.Url);
        Assert.Equal(["A short teaser with a link."], teaser.Paragraphs);
        Assert.Equal("https://example-news.test/pic.jpg", Assert.Single(teaser.Images).Url);
        Assert.Empty(teaser.Tags);
    }

    [Fact]
    public void A_malformed_feed_keeps_the_items_before_the_error_and_reports_where_it_broke()
    {
        var outcomes = FeedFixtures.Read("malformed.xml");

        Assert.Equal(3, outcomes.Count);
        Assert.Equal("First item survives", outcomes[0].Article?.Title);
        Assert.Equal("Second item survives", outcomes[1].Article?.Title);
        var problem = outcomes[2].Problem;
        Assert.NotNull(problem);
        Assert.Contains("malformed XML", problem.Reason, StringComparison.Ordinal);
        Assert.StartsWith("line ", problem.Record, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_namespace_prefixes_are_declared_instead_of_losing_the_feed()
    {
        var article = Assert.Single(FeedFixtures.Articles("undeclared-prefix.xml"));

        Assert.Equal(["Lena Fischer"], article.Authors);
        Assert.Equal("https://example-news.test/photo.jpg", Assert.Single(article.Images).Url);
        Assert.Contains(article.Warnings, w => w.Contains("undeclared namespace prefix", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ISO_8859_1_declaration_is_honoured()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <rss version="2.0"><channel><title>Café Zürich</title>
            <item><title>Crème brûlée à la carte</title><link>https://example-news.test/creme</link></item>
            </channel></rss>
            """);
        var outcome = Assert.Single(new ArticleExtractor().Read(InputFile.FromBytes("latin1.xml", bytes), TestContext.Current.CancellationToken));

        Assert.Equal("Crème brûlée à la carte", outcome.Article?.Title);
        Assert.Equal("Café Zürich", outcome.Article?.Source);
    }

    [Fact]
    public void A_document_that_is_not_a_feed_is_one_clear_problem()
    {
        var bytes = "<?xml version=\"1.0\"?><catalog><rss>not really</rss></catalog>"u8.ToArray();
        var outcome = Assert.Single(new ArticleExtractor().Read(InputFile.FromBytes("catalog.xml", bytes), TestContext.Current.CancellationToken));

        Assert.Contains("not an RSS or Atom feed", outcome.Problem?.Reason, StringComparison.Ordinal);
    }
}
