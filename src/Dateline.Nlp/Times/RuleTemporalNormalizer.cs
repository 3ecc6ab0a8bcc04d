using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;

namespace Dateline.Nlp.Times;

/// <summary>
/// Finds temporal expressions in news text and normalises them to ISO 8601 against <see cref="Layers.DocumentDate"/>
/// (rules: Data/temporal.tsv and "Temporal rules" in Data/README.md; examples: tests/Dateline.Nlp.Tests/Specs/Times.md).
/// Kinds: date ("2025-06-04"), time (a date with a TIMEX3 part of day, "2025-06-04TMO"), week ("2025-W22"),
/// month ("2025-05"), year ("2023"), decade ("199") and interval ("1910/1945").
/// Without a document date, absolute expressions ("June 4, 2025", "in 2023", "1910-1945") are still normalised and
/// relative ones ("on Monday", "last month", "June 4") are left out: a mention always carries a value.
/// </summary>
public sealed class RuleTemporalNormalizer : IPipelineComponent
{
    public ComponentInfo Info { get; } = new("times.rules.v1", [Layers.Tokens, Layers.Sentences], [Layers.Times]);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        DateOnly? date = document.Has(Layers.DocumentDate) ? document.Get(Layers.DocumentDate) : null;
        var times = Find(document.Text, document.Get(Layers.Tokens), document.Get(Layers.Sentences), date); // pure
        document.Set(Layers.Times, times);                                                                  // the only mutation
    }

    /// <summary>Temporal mentions of each sentence, in text order, on token boundaries, not overlapping.</summary>
    public static ImmutableArray<TimeMention> Find(string text, ImmutableArray<TextSpan> tokens, ImmutableArray<TextSpan> sentences, DateOnly? date)
    {
        var result = ImmutableArray.CreateBuilder<TimeMention>();
        var t = 0;
        foreach (var sentence in sentences)
        {
            while (t < tokens.Length && tokens[t].Start < sentence.Start)
            {
                t++;
            }

            var first = t;
            while (t < tokens.Length && tokens[t].End <= sentence.End)
            {
                t++;
            }

            var words = new string[t - first];
            for (var k = 0; k < words.Length; k++)
            {
                words[k] = text.Substring(tokens[first + k].Start, tokens[first + k].Length);
            }

            foreach (var m in new TemporalScanner(TemporalLexicon.Default, words, date).Scan())
            {
                var span = new TextSpan(tokens[first + m.Start].Start, tokens[first + m.Start + m.Length - 1].End);
                result.Add(new TimeMention(span, m.Value, m.Kind));
            }
        }

        return result.ToImmutable();
    }
}
