using Dateline.Core.Articles;
using Dateline.Core.Documents;
using Dateline.Core.Serialization;

namespace Dateline.Core.Tests;

public sealed class ArticleModelTests
{
    private static Article Sample() => new()
    {
        Id = "abc",
        Origin = new ArticleOrigin("x.jsonl", 42),
        Title = "Talks resume",
        Published = ArticleDate.Parse("2025-06-12T09:30:00+09:00"),
        PublishedSource = DateSources.JsonLd,
        Authors = ["Aiko Tanaka"],
        Images = [new ArticleImage("https://example.test/a.jpg", "alt", "cap", "AP")],
        Paragraphs = ["First one.", "Second — with “quotes” and 日本語."],
    };

    [Theory]
    [InlineData("2025-06-04", "2025-06-04")]
    [InlineData("2025-06-12T09:30:00+09:00", "2025-06-12T09:30:00+09:00")]
    [InlineData("2025-06-11T18:20:00Z", "2025-06-11T18:20:00Z")]
    [InlineData("2025-06-11T18:20:00", "2025-06-11T18:20:00Z")]
    public void Dates_round_trip_through_iso_8601(string text, string expected) => Assert.Equal(expected, ArticleDate.Parse(text).ToString());

    [Theory]
    [InlineData("2025")]
    [InlineData("2025-06")]
    [InlineData("June 4, 2025")]
    [InlineData("2025-02-30")]
    public void Partial_or_invalid_dates_are_not_dates(string text) => Assert.False(ArticleDate.TryParse(text, out _));

    [Fact]
    public void Date_keeps_the_calendar_day_of_its_own_offset()
    {
        var d = ArticleDate.Parse("2025-06-12T01:30:00+09:00");
        Assert.Equal(new DateOnly(2025, 6, 12), d.Date);
    }

    [Fact]
    public void Json_round_trip_preserves_every_field()
    {
        var a = Sample();
        var back = DatelineJson.Deserialize(DatelineJson.Serialize(a));
        Assert.Equal(DatelineJson.Serialize(a), DatelineJson.Serialize(back));
        Assert.Equal(a.Body, back.Body);
        Assert.Equal(42, back.Origin.Offset);
        Assert.Contains("日本語", DatelineJson.Serialize(a), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_from_before_a_list_existed_reads_as_empty_lists()
    {
        // What a store made by an earlier version holds: no "tags" and no "links" (and here no other list either).
        var old = DatelineJson.Deserialize("""{"id":"old1","origin":{"path":"a.txt"},"title":"Talks resume"}""");
        Assert.Empty(old.Tags);
        Assert.Empty(old.Links);
        Assert.Empty(old.Authors);
        Assert.Empty(old.Images);
        Assert.Empty(old.Paragraphs);
        Assert.Empty(old.Warnings);
        Assert.Equal(string.Empty, old.Body);
        Assert.Contains("\"tags\":[]", DatelineJson.Serialize(old), StringComparison.Ordinal);

        // Setting a default array is the same as setting none.
        Assert.Empty((Sample() with { Tags = default }).Tags);
    }

    [Fact]
    public void Document_paragraph_spans_point_into_the_body()
    {
        var a = Sample();
        var doc = Document.FromArticle(a);
        var spans = doc.Get(Layers.Paragraphs);
        Assert.Equal(a.Paragraphs.Length, spans.Length);
        for (var i = 0; i < spans.Length; i++)
        {
            Assert.Equal(a.Paragraphs[i], doc.Slice(spans[i]).ToString());
        }
    }

    [Fact]
    public void A_bounded_document_keeps_the_whole_paragraphs_that_fit_and_records_the_full_length()
    {
        var a = Sample() with { Paragraphs = ["First paragraph here.", "Second one.", "Third paragraph that does not fit."] };
        var limit = a.Paragraphs[0].Length + Article.BodySeparator.Length + a.Paragraphs[1].Length + 5;

        var doc = Document.FromArticle(a, limit);

        Assert.Equal(a.Body[..(a.Paragraphs[0].Length + Article.BodySeparator.Length + a.Paragraphs[1].Length)], doc.Text);
        Assert.Equal(a.Paragraphs[..2], doc.Get(Layers.Paragraphs).Select(s => doc.Slice(s).ToString()));
        Assert.Equal(a.Body.Length, doc.Get(Layers.FullTextLength));
        Assert.False(Document.FromArticle(a, a.Body.Length).Has(Layers.FullTextLength)); // exactly the limit: whole
        Assert.Equal(a.Body, Document.FromArticle(a, a.Body.Length).Text);
    }

    [Fact]
    public void A_first_paragraph_longer_than_the_limit_is_cut_between_words()
    {
        var a = Sample() with { Paragraphs = ["alpha beta gamma delta", "epsilon"] };

        var doc = Document.FromArticle(a, 13);

        Assert.Equal("alpha beta", doc.Text);
        Assert.Equal("alpha beta", doc.Slice(Assert.Single(doc.Get(Layers.Paragraphs))).ToString());
        Assert.Equal(a.Body.Length, doc.Get(Layers.FullTextLength));
    }

    [Fact]
    public void Bounded_text_is_cut_at_the_last_paragraph_break_within_the_limit()
    {
        var text = "One paragraph.\n\nTwo paragraph.\n\nThree paragraph.";
        var doc = Document.FromText("t", text, 35);
        Assert.Equal("One paragraph.\n\nTwo paragraph.", doc.Text);
        Assert.Equal(text.Length, doc.Get(Layers.FullTextLength));
        Assert.Equal("One", Document.FromText("t", "One paragraph", 5).Text);
        Assert.False(Document.FromText("t", text, text.Length).Has(Layers.FullTextLength));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(100)]
    public void Body_start_is_the_start_of_the_body(int max)
    {
        var a = Sample() with { Paragraphs = ["abc", string.Empty, "defg"] };
        Assert.Equal(a.Body[..Math.Min(max, a.Body.Length)], a.BodyStart(max));
    }

    [Fact]
    public void Plain_text_paragraphs_are_split_at_blank_lines()
    {
        var text = "  First line\nstill first.\n\n\nSecond.  \n \nThird";
        var doc = Document.FromText("t", text);
        Assert.Equal(["First line\nstill first.", "Second.", "Third"], doc.Get(Layers.Paragraphs).Select(s => doc.Slice(s).ToString()));
    }
}
