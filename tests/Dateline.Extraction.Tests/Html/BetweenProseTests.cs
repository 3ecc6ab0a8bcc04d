using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests.Html;

/// <summary>
/// Short blocks that fail only the strict short-block link limit (a subhead with a linked phrase) are kept when kept
/// text stands on both sides, and dropped at the edge of the article. Fixtures/maintext/linked-subheads.html is ours.
/// </summary>
[Trait("issue", "15")]
public sealed class BetweenProseTests
{
    private static readonly Core.Articles.Article Article = Assert.Single(new ArticleExtractor()
        .ReadFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "maintext", "linked-subheads.html"))).Article!;

    [Theory]
    [InlineData("1. Read your home insurance policy")] // link text 14 of 34 characters
    [InlineData("2. Clear the gutters and storm drains")] // link text 12 of 37 characters
    public void Issue_15_a_subhead_with_a_linked_phrase_between_paragraphs_is_kept(string subhead) =>
        Assert.Contains(subhead, Article.Paragraphs);

    [Fact]
    public void Issue_15_a_short_linked_line_after_the_last_paragraph_stays_out()
    {
        Assert.DoesNotContain("storm season here", Article.Body, StringComparison.Ordinal);
        Assert.EndsWith("which is updated every spring.", Article.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Equal(6, Article.Paragraphs.Length);
    }
}
