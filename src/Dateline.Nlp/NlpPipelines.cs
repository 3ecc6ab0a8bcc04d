using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp.Entities;
using Dateline.Nlp.Quotes;
using Dateline.Nlp.Sentences;
using Dateline.Nlp.Times;
using Dateline.Nlp.Tokens;

namespace Dateline.Nlp;

/// <summary>The standard understanding pipeline: tokens → sentences → entities → times → actors → quotes → events.</summary>
public static class NlpPipelines
{
    private static readonly Lazy<IEntityTyper> LexiconTyper = new(() =>
        new ConllEntityTyper(Lexicons.Lexicon.Default.Places, Lexicons.Lexicon.Default.Demonyms));

    public static Pipeline Default(IEntityTyper? typer = null, Actors.ActorOverrides? actors = null) => new PipelineBuilder()
        .Add(new RuleTokenizer())
        .Add(new PunctuationSentenceSplitter())
        .Add(new PerceptronEntityRecognizer(NerModels.Default, typer ?? LexiconTyper.Value))
        .Add(new RuleTemporalNormalizer())
        .Add(new Actors.ActorResolver(Lexicons.ActorLexicon.Default, actors))
        .Add(new CueVerbQuoteExtractor())
        .Add(new Events.RuleEventCoder())
        .Build(Layers.Paragraphs);
}
