using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;

namespace Dateline.Core.Tests;

public sealed class PipelineTests
{
    private static readonly Layer<ImmutableArray<TextSpan>> Words = new("words");
    private static readonly Layer<int> WordCount = new("word-count");

    private sealed class WordSplitter : IPipelineComponent
    {
        public ComponentInfo Info { get; } = new("words.space.v1", [], [Words]);

        public void Process(Document document, CancellationToken cancellationToken)
        {
            var spans = ImmutableArray.CreateBuilder<TextSpan>();
            var start = -1;
            for (var i = 0; i <= document.Text.Length; i++)
            {
                var space = i == document.Text.Length || char.IsWhiteSpace(document.Text[i]);
                if (!space && start < 0)
                {
                    start = i;
                }
                else if (space && start >= 0)
                {
                    spans.Add(new TextSpan(start, i));
                    start = -1;
                }
            }

            document.Set(Words, spans.ToImmutable());
        }
    }

    private sealed class Counter(string? configuration = null) : IPipelineComponent
    {
        public ComponentInfo Info { get; } = new("count.v1", [Words], [WordCount]) { Configuration = configuration };

        public void Process(Document document, CancellationToken cancellationToken) => document.Set(WordCount, document.Get(Words).Length);
    }

    private sealed class Exploder : IPipelineComponent
    {
        public ComponentInfo Info { get; } = new("explode.v1", [], [Words]);

        public void Process(Document document, CancellationToken cancellationToken) => throw new InvalidDataException("boom");
    }

    [Fact]
    public void Runs_components_in_order_and_each_sets_its_layer_once()
    {
        var pipeline = new PipelineBuilder().Add(new WordSplitter()).Add(new Counter()).Build();
        var doc = new Document("d1", "Ana Silva met EU officials.");
        pipeline.Run(doc, TestContext.Current.CancellationToken);
        Assert.Equal(5, doc.Get(WordCount));
        Assert.Equal("Silva", doc.Slice(doc.Get(Words)[1]).ToString());
    }

    [Fact]
    public void Build_rejects_a_component_whose_input_nobody_produces()
    {
        var ex = Assert.Throws<PipelineConfigurationException>(() => new PipelineBuilder().Add(new Counter()).Add(new WordSplitter()).Build());
        Assert.Contains("'count.v1' requires words", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_rejects_two_producers_of_one_layer()
    {
        var ex = Assert.Throws<PipelineConfigurationException>(() => new PipelineBuilder().Add(new WordSplitter()).Add(new Exploder()).Build());
        Assert.Contains("already produces", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_component_is_recorded_and_dependants_are_skipped()
    {
        var pipeline = new PipelineBuilder().Add(new Exploder()).Add(new Counter()).Build();
        var doc = new Document("d2", "text");
        pipeline.Run(doc, TestContext.Current.CancellationToken);
        Assert.Equal("explode.v1: boom", Assert.Single(doc.Errors));
        Assert.False(doc.Has(WordCount));
    }

    [Fact]
    public void Layers_are_write_once()
    {
        var doc = new Document("d3", "x");
        doc.Set(WordCount, 1);
        Assert.Throws<InvalidOperationException>(() => doc.Set(WordCount, 2));
        Assert.Throws<InvalidOperationException>(() => doc.Get(Words));
    }

    [Fact]
    public void The_fingerprint_is_stable_and_changes_with_components_and_their_configuration()
    {
        string Of(params IPipelineComponent[] components)
        {
            var builder = new PipelineBuilder();
            foreach (var c in components)
            {
                builder.Add(c);
            }

            return builder.Build().Fingerprint;
        }

        var plain = Of(new WordSplitter(), new Counter());
        Assert.Matches("^[0-9a-f]{16}$", plain);
        Assert.Equal(plain, Of(new WordSplitter(), new Counter()));
        Assert.NotEqual(plain, Of(new WordSplitter()));
        Assert.NotEqual(plain, Of(new WordSplitter(), new Counter("overrides:1")));
        Assert.Equal(Of(new WordSplitter(), new Counter("overrides:1")), Of(new WordSplitter(), new Counter("overrides:1")));
    }
}
