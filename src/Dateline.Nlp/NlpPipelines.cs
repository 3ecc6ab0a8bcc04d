using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp.Entities;
using Dateline.Nlp.Quotes;
using Dateline.Nlp.Sentences;
using Dateline.Nlp.Times;
using Dateline.Nlp.Tokens;

namespace Dateline.Nlp;

/// <summary>The standard understanding pipeline: tokens → sentences → syntax (tags, lemmas, dependencies) → entities → times → actors → quotes (the attribution model) → events.</summary>
public static class NlpPipelines
{
    private static readonly Lazy<IEntityTyper> LexiconTyper = new(() =>
        new ConllEntityTyper(Lexicons.Lexicon.Default.Places, Lexicons.Lexicon.Default.Demonyms));

    /// <param name="typer">Entity types after tagging (default: the lexicon typer).</param>
    /// <param name="actors">User actor overrides.</param>
    /// <param name="events">The event lexicon (default: the shipped one).</param>
    /// <param name="dictionaries">PETRARCH dictionaries in place of or beside the default lexicons; their actor names also become actor overrides.</param>
    /// <param name="quotes">The quote stage (default: the shipped attribution model).</param>
    public static Pipeline Default(IEntityTyper? typer = null, Actors.ActorOverrides? actors = null, Events.EventLexicon? events = null,
        Events.Petrarch.EventDictionaries? dictionaries = null, IPipelineComponent? quotes = null) =>
        Stages(typer, dictionaries?.ActorOverrides(actors) ?? actors)
            .Add(quotes ?? new PerceptronQuoteExtractor(QuoteModels.Default))
            .Add(new Events.RuleEventCoder(events, dictionaries: dictionaries))
            .Build(Layers.Paragraphs);

    /// <summary>The same pipeline without the event coder (for measuring what events cost, and for callers that need no events).</summary>
    public static Pipeline WithoutEvents(IEntityTyper? typer = null, Actors.ActorOverrides? actors = null, IPipelineComponent? quotes = null) =>
        Stages(typer, actors).Add(quotes ?? new PerceptronQuoteExtractor(QuoteModels.Default)).Build(Layers.Paragraphs);

    /// <summary>Every stage before quotes: what the quote model is trained on.</summary>
    public static Pipeline WithoutQuotes(IEntityTyper? typer = null, Actors.ActorOverrides? actors = null) => Stages(typer, actors).Build(Layers.Paragraphs);

    private static PipelineBuilder Stages(IEntityTyper? typer, Actors.ActorOverrides? actors) => new PipelineBuilder()
        .Add(new RuleTokenizer())
        .Add(new PunctuationSentenceSplitter())
        .Add(new Syntax.PerceptronDependencyParser(Syntax.SyntaxModels.Default))
        .Add(new PerceptronEntityRecognizer(NerModels.Default, typer ?? LexiconTyper.Value))
        .Add(new RuleTemporalNormalizer())
        .Add(new Actors.ActorResolver(Lexicons.ActorLexicon.Default, actors));
}
