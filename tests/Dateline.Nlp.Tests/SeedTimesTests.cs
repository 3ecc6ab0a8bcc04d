using Dateline.Core.Documents;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

/// <summary>The issue 4 seed bar for dates, on the canonical seed article as extracted.</summary>
public sealed class SeedTimesTests
{
    private static List<(string Text, string Value, string Kind)> SeedTimes()
    {
        var article = new ArticleExtractor().ReadFile(Corpora.SeedArticle, TestContext.Current.CancellationToken).Single().Article!;
        var doc = Document.FromArticle(article);
        doc.Set(Layers.DocumentDate, new DateOnly(2025, 6, 4));
        TestPipelines.Times.Run(doc, TestContext.Current.CancellationToken);
        Assert.Empty(doc.Errors);
        return [.. doc.Get(Layers.Times).Select(t => (doc.Slice(t.Span).ToString(), t.Value, t.Kind))];
    }

    [Fact]
    public void On_Wednesday_is_the_article_date()
    {
        var times = SeedTimes();
        Assert.Contains(("Wednesday", "2025-06-04", "date"), times);
        Assert.All(times.Where(t => t.Text == "Wednesday"), t => Assert.Equal("2025-06-04", t.Value));
    }

    [Fact]
    public void Colonial_rule_years_are_an_interval() =>
        Assert.Contains(("1910-1945", "1910/1945", "interval"), SeedTimes());

    [Fact]
    public void Early_date_and_60th_anniversary_are_not_dates()
    {
        var times = SeedTimes();
        Assert.DoesNotContain(times, t => t.Text.Contains("date", StringComparison.Ordinal) || t.Text.Contains("early", StringComparison.Ordinal));
        Assert.DoesNotContain(times, t => t.Text.Contains("60", StringComparison.Ordinal) || t.Text.Contains("anniversary", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_mention_is_in_order_and_on_token_boundaries()
    {
        var article = new ArticleExtractor().ReadFile(Corpora.SeedArticle, TestContext.Current.CancellationToken).Single().Article!;
        var doc = Document.FromArticle(article);
        doc.Set(Layers.DocumentDate, new DateOnly(2025, 6, 4));
        TestPipelines.Times.Run(doc, TestContext.Current.CancellationToken);
        var starts = doc.Get(Layers.Tokens).Select(t => t.Start).ToHashSet();
        var ends = doc.Get(Layers.Tokens).Select(t => t.End).ToHashSet();
        var times = doc.Get(Layers.Times);
        Assert.NotEmpty(times);
        for (var i = 0; i < times.Length; i++)
        {
            Assert.Contains(times[i].Span.Start, starts);
            Assert.Contains(times[i].Span.End, ends);
            Assert.True(i == 0 || times[i - 1].Span.End <= times[i].Span.Start);
        }
    }
}
