using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp.Tokens;

namespace Dateline.Nlp.Sentences;

/// <summary>
/// Sentence boundaries from tokens: after . ! ? … (with any closing quotes or brackets that follow) when the next token
/// starts a sentence, and always at paragraph breaks. Titles (Mr., Gov.) never end a sentence; other abbreviations
/// (U.S., Inc.) end one only before a word that typically starts sentences.
/// </summary>
public sealed class PunctuationSentenceSplitter : IPipelineComponent
{
    /// <summary>Words that start sentences far more often than they follow an abbreviation inside one.</summary>
    private static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At", "This", "That",
        "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "After", "Before", "While", "When", "As", "If",
        "However", "Meanwhile", "Earlier", "Later", "Officials", "Some", "Many", "Most", "According",
    }.ToFrozenSet(StringComparer.Ordinal);

    public ComponentInfo Info { get; } = new("sentences.punctuation.v1", [Layers.Tokens], [Layers.Sentences]);

    public void Process(Document document, CancellationToken cancellationToken) =>
        document.Set(Layers.Sentences, Split(document.Text, document.Get(Layers.Tokens)));

    public static ImmutableArray<TextSpan> Split(string text, ImmutableArray<TextSpan> tokens)
    {
        var sentences = ImmutableArray.CreateBuilder<TextSpan>();
        if (tokens.IsEmpty)
        {
            return sentences.ToImmutable();
        }

        var first = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var end = i;
            bool boundary;
            if (i + 1 >= tokens.Length)
            {
                boundary = true;
            }
            else if (ParagraphBreakBetween(text, tokens[i], tokens[i + 1]))
            {
                boundary = true;
            }
            else
            {
                boundary = EndsSentence(text, tokens, i, out end);
            }

            if (boundary)
            {
                sentences.Add(new TextSpan(tokens[first].Start, tokens[end].End));
                first = end + 1;
                i = end;
            }
        }

        return sentences.ToImmutable();
    }

    /// <summary>A line shorter than this that ends at a line break is a heading or page furniture, not wrapped prose.</summary>
    private const int MaxShortLine = 60;

    /// <summary>A blank line always ends a sentence; so does the break after a short line ("Japan Today", "politics").</summary>
    private static bool ParagraphBreakBetween(string text, TextSpan a, TextSpan b)
    {
        var gap = text.AsSpan(a.End, b.Start - a.End);
        var breaks = gap.Count('\n');
        if (breaks >= 2)
        {
            return true;
        }

        if (breaks == 0)
        {
            return false;
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, a.End - 1)) + 1;
        return a.End - lineStart < MaxShortLine;
    }

    private static bool EndsSentence(string text, ImmutableArray<TextSpan> tokens, int i, out int end)
    {
        end = i;
        var token = text.AsSpan(tokens[i].Start, tokens[i].Length);
        var terminal = token is "." or "!" or "?" or "…" or "..." || (token.Length > 1 && token[^1] == '.' && Abbreviations.IsAbbreviation(token));
        if (!terminal)
        {
            return false;
        }

        // Closing quotes and brackets belong to the sentence they close.
        while (end + 1 < tokens.Length && text.AsSpan(tokens[end + 1].Start, tokens[end + 1].Length) is "\"" or "”" or "’" or "'" or ")" or "]")
        {
            end++;
        }

        if (end + 1 >= tokens.Length)
        {
            return true;
        }

        var next = text.AsSpan(tokens[end + 1].Start, tokens[end + 1].Length);
        var startsSentence = char.IsUpper(next[0]) || char.IsDigit(next[0]) || next[0] is '"' or '“' or '‘' or '(' or '[';
        if (!startsSentence)
        {
            return false;
        }

        if (token.Length > 1)
        {
            // An abbreviation: a title never ends a sentence; others only before a typical sentence opener.
            return !Abbreviations.IsTitle(token) && SentenceStarters.Contains(next.ToString());
        }

        return true;
    }
}
