using System.Text;
using Dateline.Extraction.Html;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests.Html;

/// <summary>The extraction switches behave as documented (the CLI maps its flags onto these same options).</summary>
[Trait("issue", "3")]
public sealed class MainTextOptionsTests
{
    private const string Page = """
        <html lang="en"><head><title>Ministers agree on fisheries deal</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article class="story-body">
          <p>Fisheries ministers from the two countries agreed on Tuesday to extend a quota deal for another five years, officials said.</p>
          <p>The agreement, reached after <a href="https://example.test/talks">two days of talks</a> in the capital, keeps catch limits unchanged.</p>
          <table><tr><td>Species</td><td>Quota 2025</td></tr><tr><td>Mackerel</td><td>12,000 t</td></tr><tr><td>Herring</td><td>8,500 t</td></tr></table>
          <p>Both sides said they would review the science again next spring before setting new limits for the following season.</p>
        </article>
        <section id="comments"><h3>Comments</h3>
          <div class="comment"><p>This deal is long overdue and will help coastal towns that depend on fishing.</p></div>
        </section>
        <script>var evil = "<p>never text</p>";</script>
        <a href="javascript:alert(1)">bad link</a>
        </body></html>
        """;

    private static Core.Articles.Article Extract(MainTextOptions options) =>
        new ArticleExtractor(new ExtractionOptions { MainText = options })
            .Read(InputFile.FromBytes("page.html", Encoding.UTF8.GetBytes(Page))).Single().Article!;

    [Fact]
    public void Defaults_keep_tables_and_leave_out_comments_and_links()
    {
        var a = Extract(MainTextOptions.Default);
        Assert.Contains("Mackerel 12,000 t", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("long overdue", a.Body, StringComparison.Ordinal);
        Assert.Empty(a.Links);
        Assert.DoesNotContain("never text", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_can_be_dropped() =>
        Assert.DoesNotContain("Mackerel", Extract(new MainTextOptions { IncludeTables = false }).Body, StringComparison.Ordinal);

    [Fact]
    public void Comments_can_be_appended_after_the_article()
    {
        var a = Extract(new MainTextOptions { IncludeComments = true });
        Assert.EndsWith("This deal is long overdue and will help coastal towns that depend on fishing.", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_inside_the_article_are_reported_and_script_links_never()
    {
        var a = Extract(new MainTextOptions { IncludeLinks = true });
        var link = Assert.Single(a.Links);
        Assert.Equal(("two days of talks", "https://example.test/talks"), (link.Text, link.Url));
    }

    [Theory]
    [InlineData(ExtractionFavor.Precision)]
    [InlineData(ExtractionFavor.Recall)]
    public void Every_favor_keeps_the_plain_prose(ExtractionFavor favor)
    {
        var a = Extract(new MainTextOptions { Favor = favor });
        Assert.StartsWith("Fisheries ministers from the two countries agreed on Tuesday", a.Body, StringComparison.Ordinal);
        Assert.Contains("review the science again next spring", a.Body, StringComparison.Ordinal);
    }
}
