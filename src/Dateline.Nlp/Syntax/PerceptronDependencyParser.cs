using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;

namespace Dateline.Nlp.Syntax;

/// <summary>
/// Tags, lemmatises and parses each sentence (<see cref="SyntaxModel"/>) and sets <see cref="Layers.Syntax"/>, one
/// entry per token, heads as document token indices. A token outside every sentence is its own one-word tree.
/// </summary>
public sealed class PerceptronDependencyParser(SyntaxModel model) : IPipelineComponent
{
    public ComponentInfo Info { get; } = new("syntax.perceptron.v1", [Layers.Tokens, Layers.Sentences], [Layers.Syntax]);

    public void Process(Document document, CancellationToken cancellationToken) =>
        document.Set(Layers.Syntax, Analyze(document.Text, document.Get(Layers.Tokens), document.Get(Layers.Sentences), model, cancellationToken));

    internal static ImmutableArray<TokenSyntax> Analyze(string text, ImmutableArray<TextSpan> tokens, ImmutableArray<TextSpan> sentences, SyntaxModel model,
        CancellationToken cancellationToken = default)
    {
        var result = new TokenSyntax[tokens.Length];
        foreach (var (first, end) in Groups(tokens, sentences))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var words = new string[end - first];
            for (var i = 0; i < words.Length; i++)
            {
                var span = tokens[first + i];
                words[i] = text.Substring(span.Start, span.Length);
            }

            var analysis = model.Analyze(words);
            for (var i = 0; i < words.Length; i++)
            {
                var head = analysis.Heads[i];
                result[first + i] = new TokenSyntax(analysis.Lemmas[i], analysis.Upos[i], analysis.Xpos[i], head < 0 ? -1 : first + head, analysis.Relations[i]);
            }
        }

        return ImmutableArray.Create(result);
    }

    /// <summary>The token ranges [first, end) parsed as one tree: each sentence's tokens, and each token outside every sentence alone.</summary>
    internal static IEnumerable<(int First, int End)> Groups(ImmutableArray<TextSpan> tokens, ImmutableArray<TextSpan> sentences)
    {
        var t = 0;
        var s = 0;
        while (t < tokens.Length)
        {
            while (s < sentences.Length && sentences[s].End <= tokens[t].Start)
            {
                s++;
            }

            var first = t;
            if (s < sentences.Length && tokens[t].Start >= sentences[s].Start)
            {
                while (t < tokens.Length && tokens[t].Start < sentences[s].End)
                {
                    t++;
                }
            }
            else
            {
                t++;
            }

            yield return (first, t);
        }
    }
}
