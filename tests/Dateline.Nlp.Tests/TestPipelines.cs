using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp.Sentences;
using Dateline.Nlp.Times;
using Dateline.Nlp.Tokens;

namespace Dateline.Nlp.Tests;

/// <summary>The rule stages the specs need, without the entity model (no model loading in unit tests).</summary>
internal static class TestPipelines
{
    public static readonly Pipeline Times = new PipelineBuilder()
        .Add(new RuleTokenizer())
        .Add(new PunctuationSentenceSplitter())
        .Add(new RuleTemporalNormalizer())
        .Build();

    public static Document Run(Pipeline pipeline, string text, DateOnly? date)
    {
        var doc = new Document("spec", text);
        if (date is { } d)
        {
            doc.Set(Layers.DocumentDate, d);
        }

        pipeline.Run(doc, TestContext.Current.CancellationToken);
        return doc;
    }
}
