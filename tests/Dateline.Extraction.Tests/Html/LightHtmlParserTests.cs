using System.Diagnostics;
using Dateline.Extraction.Html.Dom;

namespace Dateline.Extraction.Tests.Html;

public sealed class LightHtmlParserTests
{
    private static string Texts(HtmlElement e) => string.Join("|", e.Descendants("p").Select(p => p.TextContent.Trim()));

    [Fact]
    public void Implies_paragraph_and_list_end_tags()
    {
        var doc = LightHtmlParser.Parse("<body><p>One<p>Two<ul><li>a<li>b</ul><div>Three</div></body>");
        Assert.Equal("One|Two", Texts(doc.Root));
        Assert.Equal(["a", "b"], doc.Root.Descendants("li").Select(l => l.TextContent));
        Assert.Equal("body", doc.Root.FirstDescendant("div")!.Parent!.LocalName);
    }

    [Fact]
    public void Decodes_entities_in_text_and_attributes_but_not_in_scripts()
    {
        var doc = LightHtmlParser.Parse("<p title=\"Tom &amp; Jerry\">A&nbsp;&mdash;&#39;B&#x27;&lt;x&gt;</p><script>if (a &lt; b) {}</script>");
        var p = doc.Root.FirstDescendant("p")!;
        Assert.Equal("Tom & Jerry", p.GetAttribute("title"));
        Assert.Equal("A\u00a0—'B'<x>", p.TextContent);
        Assert.Equal("if (a &lt; b) {}", doc.Root.FirstDescendant("script")!.TextContent);
    }

    [Fact]
    public void Raw_text_elements_end_only_at_their_own_end_tag()
    {
        var doc = LightHtmlParser.Parse("<script>document.write('<p>not a paragraph</p>');</script><p>real</p>");
        Assert.Equal("real", Texts(doc.Root));
    }

    [Theory]
    [InlineData("<p>unclosed <b>bold <i>italic")]
    [InlineData("<p attr=\"never closed>text")]
    [InlineData("<!-- comment never closed <p>x</p>")]
    [InlineData("</div></div></p><p>stray end tags</p>")]
    [InlineData("<p>a < b and c <> d</p>")]
    [InlineData("<")]
    [InlineData("<p")]
    public void Malformed_markup_never_throws(string html) => _ = LightHtmlParser.Parse(html).Root.TextContent;

    [Fact]
    public void Deep_nesting_is_flattened_in_linear_time_and_keeps_the_text()
    {
        const int depth = 100_000;
        var html = "<body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>deep text</p>"
                   + string.Concat(Enumerable.Repeat("</div>", depth)) + "<p>after</p></body>";
        var clock = Stopwatch.StartNew();
        var doc = LightHtmlParser.Parse(html);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}"); // a guard against quadratic blow-up (AngleSharp: 19 s), not a benchmark
        Assert.True(doc.Truncated);
        Assert.Equal("deep textafter", doc.Root.TextContent); // the flattened <p> keeps its text
        Assert.Equal("body", doc.Root.Descendants("p").Last().Parent!.LocalName); // and the tree closes properly after it
    }

    [Fact]
    public void A_time_budget_stops_parsing_and_marks_the_document_truncated()
    {
        var html = string.Concat(Enumerable.Repeat("<span>x</span>", 200_000));
        var doc = LightHtmlParser.Parse(html, TimeSpan.Zero);
        Assert.True(doc.Truncated);
    }
}
