using Dateline.Core.Articles;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Ingestion.Analysis;
using Dateline.Nlp;

namespace Dateline.Ingestion.Tests;

/// <summary>What ingest and reanalyze keep of one article's analysis, when a component misbehaves.</summary>
public sealed class ArticleAnalysisTests
{
    private static readonly Article Sample = new()
    {
        Id = "a1",
        Origin = new ArticleOrigin("memory"),
        Title = "Talks",
        Paragraphs = ["Japan's main opposition leader, Taro Yamada, said the public should be consulted before the vote."],
    };

    /// <summary>Reports two events: one well formed, one whose target span runs backwards (End before Start).</summary>
    private sealed class BrokenEvents : IPipelineComponent
    {
        public ComponentInfo Info { get; } = new("test.broken-events", [], [Layers.Events]);

        public void Process(Document document, CancellationToken cancellationToken)
        {
            var good = new EventMention(new EventParticipant("JPN", new TextSpan(0, 5), null), null, "010", "STATEMENT", "STATEMENT", null, 1, 0, null, null,
                false, EventMention.Actual, new TextSpan(0, document.Text.Length), new TextSpan(50, 54), "test", 0.5);
            var backwards = good with { Target = new EventParticipant("JPN", new TextSpan(71, 70), null) };
            document.Set(Layers.Events, [good, backwards]);
        }
    }

    [Fact]
    public void An_event_with_a_span_outside_the_text_is_left_out_and_the_rest_is_kept()
    {
        var pipeline = new PipelineBuilder().Add(new BrokenEvents()).Build();

        var (annotations, _) = ArticleAnalysis.Analyze(Sample, pipeline, TestContext.Current.CancellationToken);

        var kept = Assert.Single(annotations.Events!.Events);
        Assert.Null(kept.Event.Target);
        Assert.Equal("Japan", kept.SourceText);
    }

    [Fact]
    public void The_event_coder_names_no_target_for_a_demanded_passive_without_an_agent()
    {
        var (annotations, _) = ArticleAnalysis.Analyze(Sample, NlpPipelines.Default(), TestContext.Current.CancellationToken);

        var demand = Assert.Single(annotations.Events!.Events, e => e.Event.Cameo == "108");
        Assert.Null(demand.Event.Target);
        Assert.Null(demand.TargetText);
        Assert.Equal(Sample.Paragraphs[0], demand.EvidenceText);
    }

    [Fact]
    public void A_long_article_is_analysed_up_to_the_limit_and_the_stored_article_says_so()
    {
        var article = Sample with
        {
            Paragraphs = ["Prime Minister Shigeru Ishiba met President Lee Jae-myung in Tokyo on Monday.", "Emmanuel Macron visited Berlin.", "Olaf Scholz spoke."],
        };
        var limit = article.Paragraphs[0].Length + 10;

        var outcome = ArticleAnalysis.TryAnalyze(article, NlpPipelines.Default(), limit, TestContext.Current.CancellationToken);

        using var json = System.Text.Json.JsonDocument.Parse(outcome.Annotations!.Json);
        Assert.Equal(article.Paragraphs[0].Length, json.RootElement.GetProperty("analysed_characters").GetInt32());
        Assert.Equal(article.Body.Length, json.RootElement.GetProperty("text_characters").GetInt32());
        var names = json.RootElement.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Contains("Shigeru Ishiba", names);
        Assert.DoesNotContain("Emmanuel Macron", names);
        var warning = Assert.Single(outcome.Article!.Warnings);
        Assert.StartsWith($"analysis limited to the first {article.Paragraphs[0].Length} of {article.Body.Length} characters", warning, StringComparison.Ordinal);
        Assert.Equal(article.Paragraphs, outcome.Article.Paragraphs); // the whole text is kept

        var whole = ArticleAnalysis.TryAnalyze(article, NlpPipelines.Default(), article.Body.Length, TestContext.Current.CancellationToken);
        Assert.Empty(whole.Article!.Warnings);
        Assert.False(System.Text.Json.JsonDocument.Parse(whole.Annotations!.Json).RootElement.TryGetProperty("analysed_characters", out _));
    }
}
