using Dateline.Core.Serialization;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Extraction.Tests;

/// <summary>The canonical seed article (../shared/seed) extracts to exactly the facts issue 2 lists.</summary>
[Trait("issue", "2")]
public sealed class SeedArticleTests
{
    [Fact]
    public void Issue_2_seed_extracts_every_field()
    {
        var a = new ArticleExtractor().ReadFile(Corpora.SeedArticle, TestContext.Current.CancellationToken).Single().Article!;

        Assert.Equal("Japan Today", a.Source);
        Assert.Equal("2025-06-04", a.Published?.ToString());
        Assert.Equal("header", a.PublishedSource);
        Assert.True(a.DateReliable);
        Assert.Equal("utf-8", a.Charset);
        Assert.Equal("en", a.Language);
        Assert.Equal("politics", a.Section);
        Assert.Equal("Ishiba expresses hope for stable ties with S Korea under Lee", a.Title);
        Assert.Equal("TOKYO", a.Dateline);
        Assert.Equal("Kyodo", a.Wire);
        Assert.Equal(1, a.CommentCount);
        var image = Assert.Single(a.Images);
        Assert.Equal("Japanese PM Ishiba", image.Alt);
        Assert.Equal("Japanese Prime Minister Shigeru Ishiba speaks to reporters at his office in Tokyo on Wednesday.", image.Caption);
        Assert.Equal("Kyodo", image.Credit);
        Assert.Equal(10, a.Paragraphs.Length);
        Assert.StartsWith("Japanese Prime Minister Shigeru Ishiba on Wednesday expressed hope", a.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("the top government spokesman said.", a.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Empty(a.Warnings);
    }

    [Theory]
    [InlineData("Japanese PM Ishiba\n")]
    [InlineData("Image: Kyodo")]
    [InlineData("1 Comment")]
    [InlineData("© KYODO")]
    [InlineData("TOKYO\n")]
    [InlineData("politics")]
    [InlineData("Ishiba expresses hope for stable ties")]
    [InlineData("speaks to reporters at his office in Tokyo on Wednesday")]
    public void Issue_2_seed_body_has_no_furniture(string furniture)
    {
        var a = new ArticleExtractor().ReadFile(Corpora.SeedArticle, TestContext.Current.CancellationToken).Single().Article!;
        Assert.DoesNotContain(furniture, a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_json_uses_the_public_snake_case_contract()
    {
        var a = new ArticleExtractor().ReadFile(Corpora.SeedArticle, TestContext.Current.CancellationToken).Single().Article!;
        var json = System.Text.Json.JsonDocument.Parse(DatelineJson.Serialize(a)).RootElement;
        Assert.Equal(
            ["id", "origin", "url", "source", "title", "published", "published_source", "date_reliable", "modified", "crawled",
             "section", "tags", "dateline", "wire", "authors", "language", "comment_count", "images", "paragraphs", "body", "links", "charset",
             "charset_source", "truncated", "warnings"],
            json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, json.GetProperty("comment_count").GetInt32());
        Assert.Equal("Kyodo", json.GetProperty("images")[0].GetProperty("credit").GetString());
        Assert.Equal(string.Join("\n\n", a.Paragraphs), json.GetProperty("body").GetString());
    }
}
