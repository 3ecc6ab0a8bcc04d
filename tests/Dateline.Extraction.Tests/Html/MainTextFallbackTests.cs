using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests.Html;

/// <summary>
/// An article page never comes out empty: when the extractor's filters leave nothing or a teaser, the text falls back to
/// the best container (or the most prose on the page) and the article says so. Pages in Fixtures/maintext are ours.
/// </summary>
[Trait("issue", "15")]
public sealed class MainTextFallbackTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static ReadOutcome Read(string relativePath) =>
        Assert.Single(new ArticleExtractor().ReadFile(Path.Combine(Fixtures, relativePath), TestContext.Current.CancellationToken));

    [Fact]
    public void Issue_15_a_body_wrapped_in_a_chrome_class_is_kept_instead_of_nothing()
    {
        // The whole story sits in <div class="paywall">, which the chrome filter removes: before the fallback the page
        // was skipped with "no article text found in the page".
        var outcome = Read(Path.Combine("maintext", "paywall-wrapper.html"));
        Assert.Null(outcome.Problem);
        var article = outcome.Article!;
        Assert.Equal(5, article.Paragraphs.Length);
        Assert.StartsWith("The harbour board voted on Thursday", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("sets the timetable for the following year.", article.Paragraphs[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("All rights reserved", article.Body, StringComparison.Ordinal);
        Assert.Contains(article.Warnings, w => w.StartsWith("main text: the extractor's choice held 0 characters; fell back to", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue_15_a_teaser_is_extended_to_the_story_behind_it()
    {
        // The teaser stands outside <div class="paywall-content">, which holds the story: before, the teaser alone came out.
        var article = Read(Path.Combine("maintext", "teaser-cut.html")).Article!;
        Assert.Equal(6, article.Paragraphs.Length);
        Assert.Equal("A cold night in May has cost the valley most of its cherries.", article.Paragraphs[0]);
        Assert.Contains("said Tobias Wrenfield, who farms forty hectares above the river.", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bridge to close", article.Body, StringComparison.Ordinal);
        Assert.Contains(article.Warnings, w => w.StartsWith("main text: the extractor's choice held 61 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue_15_a_roundup_of_linked_headlines_keeps_its_items()
    {
        // Every item is mostly link text, so the link-density filter left only the one-line intro (60 characters);
        // the fallback keeps the items, and the menu (all links, no words of its own) stays out.
        var article = Read(Path.Combine("maintext", "link-roundup.html")).Article!;
        Assert.Equal(7, article.Paragraphs.Length);
        Assert.Equal("Six pieces worth your weekend, picked by the transport desk.", article.Paragraphs[0]);
        Assert.StartsWith("Freight is moving back from the motorways to the rails", article.Paragraphs[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("Transport", article.Body, StringComparison.Ordinal);
        Assert.Contains(article.Warnings, w => w.StartsWith("main text: the extractor's choice held 60 characters; fell back to the best container's text", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue_15_a_page_drawn_by_script_takes_its_json_ld_article_body()
    {
        // The served HTML has an empty <div id="root"> and a <noscript> notice; before, it gave no article.
        var outcome = Read(Path.Combine("maintext", "script-shell.html"));
        Assert.Null(outcome.Problem);
        var article = outcome.Article!;
        Assert.Equal(3, article.Paragraphs.Length);
        Assert.StartsWith("The two keepers' cottages beside the northern lighthouse", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("said Sun-hee Marlowe, who chairs the trust.", article.Paragraphs[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("JavaScript", article.Body, StringComparison.Ordinal);
        Assert.Contains("main text: the page's text held 0 characters; took the JSON-LD articleBody (542 characters)", article.Warnings);
    }

    [Fact]
    public void Issue_15_a_whole_short_brief_is_not_padded_with_a_link()
    {
        // 141 characters of brief: the fallback would only add the 16-character linked line, so it leaves the brief alone.
        var article = Read(Path.Combine("maintext", "short-brief.html")).Article!;
        var paragraph = Assert.Single(article.Paragraphs);
        Assert.StartsWith("The coast road between the old quay", paragraph, StringComparison.Ordinal);
        Assert.DoesNotContain(article.Warnings, w => w.StartsWith("main text:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("html/opengraph.html")]
    [InlineData("html/jsonld.html")]
    [InlineData("html/br-paragraphs.html")]
    public void A_page_the_extractor_reads_well_gets_no_fallback(string fixture)
    {
        var article = Read(fixture).Article!;
        Assert.DoesNotContain(article.Warnings, w => w.StartsWith("main text:", StringComparison.Ordinal));
    }
}
