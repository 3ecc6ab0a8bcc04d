using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;

namespace Dateline.Nlp.Tokens;

/// <summary>
/// Splits news text into tokens the way CoNLL-style corpora do: punctuation apart from words, clitics ('s, n't) apart,
/// but abbreviations (U.S., Jan., Gov.), initials (J.), numbers (1,000.5, 1910-1945), hyphenated words, URLs and
/// e-mail addresses whole. Offsets are UTF-16 positions in the unchanged text.
/// </summary>
public sealed class RuleTokenizer : IPipelineComponent
{
    private const string OpeningPunctuation = "\"“‘'([{«¿¡";
    private const string ClosingPunctuation = "\"”’')]}».,;:!?…";

    private static readonly string[] Clitics = ["'s", "’s", "n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "s'", "s’"];

    public ComponentInfo Info { get; } = new("tokens.rules.v1", [], [Layers.Tokens]);

    public void Process(Document document, CancellationToken cancellationToken) =>
        document.Set(Layers.Tokens, Tokenize(document.Text));

    public static ImmutableArray<TextSpan> Tokenize(string text)
    {
        var tokens = ImmutableArray.CreateBuilder<TextSpan>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                SplitChunk(text, start, i, tokens);
            }
        }

        return tokens.ToImmutable();
    }

    /// <summary>Splits one whitespace-delimited chunk: leading punctuation, the core, trailing punctuation and clitics.</summary>
    private static void SplitChunk(string text, int start, int end, ImmutableArray<TextSpan>.Builder tokens)
    {
        // Dashes between words ("TOKYO—The", "talks--which") separate tokens.
        for (var k = start + 1; k < end - 1; k++)
        {
            if (text[k] is '—' or '–' || (text[k] == '-' && text[k + 1] == '-'))
            {
                var dashEnd = text[k] == '-' ? k + 2 : k + 1;
                SplitChunk(text, start, k, tokens);
                tokens.Add(new TextSpan(k, dashEnd));
                if (dashEnd < end)
                {
                    SplitChunk(text, dashEnd, end, tokens);
                }

                return;
            }
        }

        var s = start;
        while (s < end - 1 && OpeningPunctuation.Contains(text[s], StringComparison.Ordinal))
        {
            tokens.Add(new TextSpan(s, s + 1));
            s++;
        }

        var trailing = new List<TextSpan>();
        var e = end;
        while (e > s)
        {
            var core = text.AsSpan(s, e - s);
            if (core.Length > 1 && core[^1] == '.' && KeepsPeriod(core))
            {
                break;
            }

            if (core.Length > 1 && ClosingPunctuation.Contains(core[^1], StringComparison.Ordinal))
            {
                // "..." and "…" stay one token.
                var p = e - 1;
                if (text[p] == '.' && p - 2 >= s && text[p - 1] == '.' && text[p - 2] == '.')
                {
                    p -= 2;
                }

                trailing.Add(new TextSpan(p, e));
                e = p;
                continue;
            }

            break;
        }

        if (e > s)
        {
            var clitic = FindClitic(text, s, e);
            if (clitic > s)
            {
                tokens.Add(new TextSpan(s, clitic));
                tokens.Add(new TextSpan(clitic, e));
            }
            else
            {
                tokens.Add(new TextSpan(s, e));
            }
        }

        for (var t = trailing.Count - 1; t >= 0; t--)
        {
            tokens.Add(trailing[t]);
        }
    }

    /// <summary>Abbreviations, initials ("J."), acronyms with periods ("U.S.", "a.m.") keep their final period.</summary>
    private static bool KeepsPeriod(ReadOnlySpan<char> core)
    {
        if (Abbreviations.IsAbbreviation(core))
        {
            return true;
        }

        if (core.Length == 2 && char.IsUpper(core[0]))
        {
            return true; // an initial
        }

        // Letter-period pairs: U.S., N.Y., a.m.
        for (var k = 0; k < core.Length; k++)
        {
            if ((k % 2 == 0 && !char.IsLetter(core[k])) || (k % 2 == 1 && core[k] != '.'))
            {
                return false;
            }
        }

        return core.Length >= 4;
    }

    private static int FindClitic(string text, int s, int e)
    {
        var core = text.AsSpan(s, e - s);
        foreach (var c in Clitics)
        {
            if (core.Length > c.Length && core.EndsWith(c, StringComparison.OrdinalIgnoreCase))
            {
                // "s'" is the plural possessive: keep "countries'" → "countries" "'".
                return c[0] == 's' ? e - 1 : e - c.Length;
            }
        }

        return -1;
    }
}
