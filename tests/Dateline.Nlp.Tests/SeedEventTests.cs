using Dateline.Core.Documents;
using Dateline.Extraction.Reading;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

/// <summary>The event bars of issue 5 on the canonical seed article.</summary>
[Trait("issue", "5")]
public sealed class SeedEventTests
{
    private static Document Seed()
    {
        var article = new ArticleExtractor().ReadFile(Corpora.SeedArticle, TestContext.Current.CancellationToken).Single().Article!;
        var doc = Document.FromArticle(article);
        doc.Set(Layers.DocumentDate, article.Published!.Value.Date);
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        Assert.Empty(doc.Errors);
        return doc;
    }

    [Fact]
    public void Issue_5_seed_Japan_expresses_intent_to_meet_South_Korea_on_the_article_date()
    {
        var doc = Seed();
        var e = Assert.Single(doc.Get(Layers.Events), e => e.Cameo == "036" && doc.Text[e.Trigger.Start..e.Trigger.End] == "hold summit talks");
        Assert.Equal(("JPNGOV", "KORGOV"), (e.Source.Code, e.Target?.Code));
        Assert.Equal(("CONSULT", "AGREE", EventMention.Intended), (e.PloverAct, e.Plover, e.Modality));
        Assert.Equal("2025-06-04", e.Date);
        Assert.False(e.Negated);
        Assert.Equal(4.0, e.Goldstein);
        Assert.Equal(1, e.QuadClass);
        var evidence = doc.Text[e.Evidence.Start..e.Evidence.End];
        Assert.StartsWith("Japanese Prime Minister Shigeru Ishiba on Wednesday expressed hope", evidence, StringComparison.Ordinal);
        Assert.True(e.Evidence.Contains(e.Trigger) && e.Evidence.Contains(e.Source.Span) && e.Evidence.Contains(e.Target!.Span));
        Assert.StartsWith("default:", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_5_seed_no_event_from_the_scare_quote_or_the_history_recap()
    {
        var doc = Seed();
        // The scare-quoted clause ("should work as \"partners\" in tackling global challenges") is no act; the same
        // sentence's later "trilateral cooperation … is also necessary" may be coded as what it is (a reported need).
        const string ScareClause = "should work as \"partners\" in tackling global challenges";
        var clause = doc.Text.IndexOf(ScareClause, StringComparison.Ordinal);
        Assert.True(clause > 0);
        foreach (var e in doc.Get(Layers.Events))
        {
            var evidence = doc.Text[e.Evidence.Start..e.Evidence.End];
            Assert.False(e.Trigger.Start < clause + ScareClause.Length && evidence.Contains("\"partners\"", StringComparison.Ordinal),
                $"an event triggered in the scare-quoted clause: {doc.Text[e.Trigger.Start..e.Trigger.End]}");
            Assert.DoesNotContain("1910-1945", evidence, StringComparison.Ordinal);
            Assert.DoesNotContain("in 2023", evidence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Issue_5_seed_quoted_intentions_are_the_speakers()
    {
        var doc = Seed();
        var quoted = doc.Get(Layers.Events).Where(e => doc.Text[e.Source.Span.Start..e.Source.Span.End] is "I" or "We").ToList();
        Assert.NotEmpty(quoted);
        Assert.All(quoted, e => Assert.Equal("JPNGOV", e.Source.Code));
        Assert.Contains(quoted, e => e.Target?.Code == "KORGOV" && e.Cameo == "036");
    }
}
