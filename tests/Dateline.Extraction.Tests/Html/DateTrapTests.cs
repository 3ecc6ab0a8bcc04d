using System.Text;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests.Html;

/// <summary>Pages that tempt an extractor into a wrong publication date.</summary>
[Trait("issue", "3")]
public sealed class DateTrapTests
{
    private const string Body = "<article><p>Officials from both countries met on Tuesday to discuss fisheries, trade and the security of shipping lanes in the region.</p><p>They agreed to meet again next month, according to a statement released after the talks ended late in the evening.</p></article>";

    private static Core.Articles.Article Extract(string html) =>
        new ArticleExtractor().Read(InputFile.FromBytes("page.html", Encoding.UTF8.GetBytes(html))).Single().Article!;

    [Fact]
    public void A_future_date_in_inline_script_is_not_a_publication_date()
    {
        var a = Extract($"<html><head><script>var embargo = \"2031-01-01T00:00:00Z\"; var d = new Date(2031, 0, 1);</script></head><body>{Body}</body></html>");
        Assert.Null(a.Published);
        Assert.Null(a.DateReliable);
    }

    [Fact]
    public void Keywords_become_tags_json_ld_first_then_meta()
    {
        var ld = "{\"@type\":\"NewsArticle\",\"headline\":\"Talks resume\",\"keywords\":[\"Fisheries\",\" Trade \",\"fisheries\"]}";
        var fromLd = Extract($"<html><head><meta name=\"keywords\" content=\"ignored\"><script type=\"application/ld+json\">{ld}</script></head><body>{Body}</body></html>");
        Assert.Equal(["Fisheries", "Trade"], fromLd.Tags);

        var fromMeta = Extract($"<html><head><meta name=\"news_keywords\" content=\"shipping lanes, security,, talks\"></head><body>{Body}</body></html>");
        Assert.Equal(["shipping lanes", "security", "talks"], fromMeta.Tags);

        Assert.Empty(Extract($"<html><body>{Body}</body></html>").Tags);
    }

    [Fact]
    public void A_copyright_year_alone_is_not_padded_to_the_first_of_january()
    {
        var a = Extract($"<html><body>{Body}<footer>© 2019 The Example Times</footer></body></html>");
        Assert.Null(a.Published);
    }

    [Fact]
    public void Json_ld_published_wins_over_created_and_modified_and_keeps_its_offset()
    {
        var ld = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Talks resume\",\"dateCreated\":\"2025-06-01T08:00:00+05:30\",\"datePublished\":\"2025-06-02T09:15:00+05:30\",\"dateModified\":\"2025-06-03T10:00:00+05:30\"}";
        var a = Extract($"<html><head><script type=\"application/ld+json\">{ld}</script></head><body>{Body}</body></html>");
        Assert.Equal("2025-06-02T09:15:00+05:30", a.Published?.ToString());
        Assert.Equal("json-ld", a.PublishedSource);
        Assert.True(a.DateReliable);
        Assert.Equal("2025-06-03T10:00:00+05:30", a.Modified?.ToString());
    }

    [Fact]
    public void A_meta_date_in_the_future_is_ignored_with_a_warning()
    {
        var a = Extract($"<html><head><meta property=\"article:published_time\" content=\"2099-05-01T10:00:00Z\"></head><body>{Body}</body></html>");
        Assert.Null(a.Published);
        Assert.Contains(a.Warnings, w => w.Contains("future", StringComparison.Ordinal));
    }

    [Fact]
    public void A_url_date_is_used_but_marked_unreliable()
    {
        var a = Extract($"<html><head><link rel=\"canonical\" href=\"https://news.example/2025/06/12/talks-resume\"></head><body>{Body}</body></html>");
        Assert.Equal("2025-06-12", a.Published?.ToString());
        Assert.Equal("url", a.PublishedSource);
        Assert.False(a.DateReliable);
    }

    [Fact]
    public void A_date_after_the_crawl_is_not_a_publication_date()
    {
        var html = $"<html><head><meta property=\"article:published_time\" content=\"2025-06-20T10:00:00Z\"></head><body>{Body}</body></html>";
        var crawled = new DateTimeOffset(2025, 6, 10, 0, 0, 0, TimeSpan.Zero);
        var a = Dateline.Extraction.Html.HtmlArticleBuilder.Default.Build(html, new Core.Articles.ArticleOrigin("x.warc"),
            new Dateline.Extraction.Html.HtmlArticleBuilder.Known(Url: "https://news.example/a", Crawled: crawled), [])!;
        Assert.Null(a.Published);
        Assert.Contains(a.Warnings, w => w.Contains("future", StringComparison.Ordinal));
    }

    [Fact]
    public void An_author_that_is_the_publication_itself_is_dropped()
    {
        var a = Extract($"<html><head><meta property=\"og:site_name\" content=\"The Example Times\"><meta name=\"author\" content=\"The Example Times, Jane Roe\"></head><body>{Body}</body></html>");
        Assert.Equal(["Jane Roe"], a.Authors);
    }
}
