using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp.Entities;
using Dateline.Nlp.Sentences;
using Dateline.Nlp.Tokens;

namespace Dateline.Nlp;

/// <summary>The standard understanding pipeline: tokens → sentences → entities (actors, dates and quotes follow).</summary>
public static class NlpPipelines
{
    public static Pipeline Default(IEntityTyper? typer = null) => new PipelineBuilder()
        .Add(new RuleTokenizer())
        .Add(new PunctuationSentenceSplitter())
        .Add(new PerceptronEntityRecognizer(NerModels.Default, typer ?? ConllEntityTyper.Plain))
        .Build(Layers.Paragraphs);
}
