using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;

namespace Dateline.Nlp.Entities;

/// <summary>
/// Tags the tokens of each sentence with the statistical model (two passes over the whole document), then turns BIO
/// spans into <see cref="EntityMention"/>s with Dateline's labels: PER → PERSON, ORG → ORG, LOC → GPE for countries,
/// cities and states (from the place lexicon) or LOC otherwise, MISC → NORP for demonyms or MISC otherwise.
/// </summary>
public sealed class PerceptronEntityRecognizer(NerModel model, IEntityTyper typer) : IPipelineComponent
{
    public ComponentInfo Info { get; } = new("entities.perceptron.v1", [Layers.Tokens, Layers.Sentences], [Layers.Entities]);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var tokens = document.Get(Layers.Tokens);
        var sentences = document.Get(Layers.Sentences);
        var groups = SentenceTokens(tokens, sentences);
        var words = groups.Select(g => g.Select(t => document.Text[t.Start..t.End]).ToArray()).ToList();
        var tags = model.TagDocument(words);
        var mentions = ImmutableArray.CreateBuilder<EntityMention>();
        for (var s = 0; s < groups.Count; s++)
        {
            foreach (var (first, last, type) in BioSpans.Of(tags[s]))
            {
                // A span that took in a quotation mark or bracket at its edge ("” Ruto said") names only the words inside.
                var (start, end) = (first, last);
                while (start < end && IsEdgePunctuation(words[s][start]))
                {
                    start++;
                }

                while (end > start && IsEdgePunctuation(words[s][end - 1]))
                {
                    end--;
                }

                if (start == end)
                {
                    continue;
                }

                var span = new TextSpan(groups[s][start].Start, groups[s][end - 1].End);
                mentions.Add(new EntityMention(span, typer.Label(type, document.Text[span.Start..span.End]), 1.0));
            }
        }

        document.Set(Layers.Entities, mentions.ToImmutable());
    }

    /// <summary>The tokens of each sentence (a token belongs to the sentence that contains its start).</summary>
    internal static List<TextSpan[]> SentenceTokens(ImmutableArray<TextSpan> tokens, ImmutableArray<TextSpan> sentences)
    {
        var result = new List<TextSpan[]>(sentences.Length);
        var t = 0;
        foreach (var s in sentences)
        {
            var list = new List<TextSpan>();
            while (t < tokens.Length && tokens[t].Start < s.End)
            {
                if (tokens[t].Start >= s.Start)
                {
                    list.Add(tokens[t]);
                }

                t++;
            }

            result.Add([.. list]);
        }

        return result;
    }

    private static bool IsEdgePunctuation(string word) => word is "“" or "”" or "\"" or "‘" or "’" or "'" or "(" or ")" or "[" or "]" or "«" or "»" or "``" or "''";
}
