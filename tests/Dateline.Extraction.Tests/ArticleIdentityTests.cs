using Dateline.Extraction.Identity;

namespace Dateline.Extraction.Tests;

public sealed class ArticleIdentityTests
{
    [Theory]
    [InlineData("https://Example.COM/news/a/", "https://example.com/news/a")]
    [InlineData("https://example.com:443/news/a#comments", "https://example.com/news/a")]
    [InlineData("https://example.com/news/a?utm_source=x&id=7&fbclid=y", "https://example.com/news/a?id=7")]
    [InlineData("http://example.com/", "http://example.com/")]
    [InlineData("ftp://example.com/a", null)]
    [InlineData("not a url", null)]
    public void Normalises_urls(string url, string? expected) => Assert.Equal(expected, ArticleIdentity.NormalizeUrl(url));

    [Fact]
    public void Same_url_gives_same_id_whatever_the_text()
    {
        Assert.Equal(
            ArticleIdentity.Compute("https://example.com/a?utm_medium=rss", "S", "Old title", "old body"),
            ArticleIdentity.Compute("https://EXAMPLE.com/a", "S", "New title", "new body"));
    }

    [Fact]
    public void Without_url_whitespace_and_case_do_not_change_the_id_but_words_do()
    {
        var a = ArticleIdentity.Compute(null, "Japan Today", "Title", "Body  text\n\nmore");
        Assert.Equal(a, ArticleIdentity.Compute(null, "japan today", "TITLE", "Body text more"));
        Assert.NotEqual(a, ArticleIdentity.Compute(null, "Japan Today", "Title", "Body text less"));
        Assert.NotEqual(a, ArticleIdentity.Compute(null, "Japan Times", "Title", "Body  text\n\nmore"));
        Assert.Matches("^[0-9a-f]{16}$", a);
    }
}
