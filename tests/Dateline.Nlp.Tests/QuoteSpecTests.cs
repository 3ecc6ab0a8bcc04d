using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp.Quotes;
using Dateline.Nlp.Sentences;
using Dateline.Nlp.Tokens;

namespace Dateline.Nlp.Tests;

/// <summary>Specs/Quotes.md: every example must render exactly as written.</summary>
public sealed class QuoteSpecTests
{
    public static TheoryData<QuoteSpecFile.Example> Examples => QuoteSpecFile.Load("Quotes.md");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Quotes_spec(QuoteSpecFile.Example example)
    {
        var doc = QuoteDocuments.Annotate(example.Input);
        Assert.Equal(example.Expected, QuoteAnnotationRenderer.RenderQuotes(doc));
    }

    [Fact]
    public void Spec_has_at_least_25_examples() => Assert.True(Examples.Count >= 25);

    [Fact]
    public void Direct_and_indirect_are_told_apart()
    {
        var doc = QuoteDocuments.Annotate("\"We will not give up on this,\" she said. He said the talks would resume next week.");
        var quotes = doc.Get(Layers.Quotes);
        Assert.Equal(2, quotes.Length);
        Assert.True(quotes[0].Direct);
        Assert.False(quotes[1].Direct);
    }

    [Fact]
    public void Speaker_resolves_to_an_actor_when_actor_mentions_exist()
    {
        const string text = "\"We will not give up on this at all,\" Hayashi said.";
        var doc = QuoteDocuments.Build(text);
        var start = text.IndexOf("Hayashi", StringComparison.Ordinal);
        doc.Set(Layers.ActorMentions, [new ActorMention(new TextSpan(start, start + 7), "a1", "name")]);
        QuoteDocuments.Pipeline.Run(doc, TestContext.Current.CancellationToken);
        Assert.Equal("a1", Assert.Single(doc.Get(Layers.Quotes)).SpeakerActorId);
    }

    [Fact]
    public void Speaker_actor_is_null_without_actor_mentions()
    {
        var doc = QuoteDocuments.Annotate("\"We will not give up on this at all,\" Hayashi said.");
        Assert.Null(Assert.Single(doc.Get(Layers.Quotes)).SpeakerActorId);
    }
}

/// <summary>Documents for unit tests: paragraphs from blank lines, rule tokens and sentences, no entities (no model is loaded).</summary>
internal static class QuoteDocuments
{
    public static readonly Pipeline Pipeline = new PipelineBuilder()
        .Add(new RuleTokenizer())
        .Add(new PunctuationSentenceSplitter())
        .Add(new NoEntities())
        .Add(new CueVerbQuoteExtractor())
        .Build(Layers.Paragraphs);

    public static Document Build(string text)
    {
        var doc = new Document("spec", text);
        var paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
        var start = 0;
        foreach (var part in text.Split("\n\n"))
        {
            paragraphs.Add(new TextSpan(start, start + part.Length));
            start += part.Length + 2;
        }

        doc.Set(Layers.Paragraphs, paragraphs.ToImmutable());
        return doc;
    }

    public static Document Annotate(string text)
    {
        var doc = Build(text);
        Pipeline.Run(doc, TestContext.Current.CancellationToken);
        Assert.Empty(doc.Errors);
        return doc;
    }

    private sealed class NoEntities : IPipelineComponent
    {
        public ComponentInfo Info { get; } = new("entities.none.test", [Layers.Tokens], [Layers.Entities]);

        public void Process(Document document, CancellationToken cancellationToken) => document.Set(Layers.Entities, []);
    }
}
