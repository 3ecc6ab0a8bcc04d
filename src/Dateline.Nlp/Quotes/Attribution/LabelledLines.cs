using Dateline.Nlp.Learning;
namespace Dateline.Nlp.Quotes.Attribution;

/// <summary>
/// Attributions the taggers rarely learn because each looks different: a line that starts with a short name and a colon
/// or dash and goes on with what that name said — transcripts, roundups and headlines ("Republican pollster Daron Shaw:
/// “Historically …”", "Paul Ryan: FBI Decision … Defies Explanation", "President Obama - "Great speech …""). Written from
/// the news convention, not learned: the name is the source, the rest of the paragraph the content.
/// </summary>
internal static class LabelledLines
{
    /// <summary>At most this many tokens before the colon: a name with a title or a short description, not a clause.</summary>
    public const int MaxLabelTokens = 8;

    /// <summary>(cue token, source tokens, content tokens), all inclusive token ranges.</summary>
    public static List<(int Cue, int SourceStart, int SourceEnd, int ContentFirst, int ContentLast)> Find(AttributionDocument d)
    {
        var found = new List<(int, int, int, int, int)>();
        for (var p = 0; p + 1 < d.ParagraphStart.Length; p++)
        {
            int first = d.ParagraphStart[p], stop = d.ParagraphStart[p + 1];

            // A transcript quoted whole, a paragraph per speaker: "\"WALLACE: Let's start …".
            var quoted = false;
            if (d.Is(first, AttributionDocument.TokenKind.Mark) && first + 2 < stop)
            {
                first++;
                quoted = true;
            }

            // A roundup's kicker before the name: "Pollsters agree - Carl Bialik: “…”".
            for (var k = first + 1; k < stop - 2 && k <= first + 12; k++)
            {
                if (d.Is(k, AttributionDocument.TokenKind.Dash) && d.Quote[k] < 0)
                {
                    first = k + 1;
                    break;
                }

                if (!d.Is(k, AttributionDocument.TokenKind.Word))
                {
                    break;
                }
            }

            for (var c = first + 1; c < stop - 1 && c <= first + MaxLabelTokens; c++)
            {
                var colon = d.Is(c, AttributionDocument.TokenKind.Colon);
                var dash = d.Is(c, AttributionDocument.TokenKind.Dash) && d.Is(c + 1, AttributionDocument.TokenKind.Mark);
                if (!colon && !dash)
                {
                    if (!IsLabelWord(d, c, quoted))
                    {
                        break;
                    }

                    continue;
                }

                // In a quoted transcript only a label in capitals counts ("WALLACE:"): a quoted "Look: …" is no label.
                if ((d.Quote[c] >= 0 && !quoted) || !IsLabelWord(d, first, quoted) || (quoted ? !AllCapitals(d, first, c) : !HasName(d, first, c)))
                {
                    break;
                }

                var last = stop - 1;
                while (last > c && !d.Is(last, AttributionDocument.TokenKind.Word | AttributionDocument.TokenKind.Mark))
                {
                    last--;
                }

                if (last > c)
                {
                    found.Add((c, first, c - 1, c + 1, last));
                }

                break;
            }
        }

        // Mid-sentence: "… doesn't surprise Republican pollster Daron Shaw: “Historically, …”" — a name, a colon, a quotation.
        for (var c = 1; c + 1 < d.Count; c++)
        {
            var q = d.Quote[c + 1];
            if (!d.Is(c, AttributionDocument.TokenKind.Colon) || d.Quote[c] >= 0 || q < 0 || d.Entity[c - 1] == 0
                || d.Paragraph[c + 1] != d.Paragraph[c] || found.Any(f => f.Item1 == c))
            {
                continue;
            }

            var sourceStart = c - 1;
            while (sourceStart > 0 && d.Entity[sourceStart - 1] != 0 && sourceStart > c - MaxLabelTokens)
            {
                sourceStart--;
            }

            var last = c + 1;
            while (last + 1 < d.Count && d.Quote[last + 1] == q)
            {
                last++;
            }

            found.Add((c, sourceStart, c - 1, c + 1, last));
        }

        return found;
    }

    /// <summary>A word of a name or title: no speech verb, not inside a quotation, not a sentence end.</summary>
    private static bool IsLabelWord(AttributionDocument d, int i, bool quoted = false) =>
        (d.Quote[i] < 0 || quoted) && d.Lex[i] == FeatureHash.None && !d.Is(i, AttributionDocument.TokenKind.End | AttributionDocument.TokenKind.Colon | AttributionDocument.TokenKind.Mark)
        && !d.Is(i, AttributionDocument.TokenKind.Pronoun);

    /// <summary>A name in the label: a word the entity tagger marked.</summary>
    private static bool HasName(AttributionDocument d, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (d.Entity[i] != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every word of the label is in capitals ("WALLACE", "MR. TRUMP"), as transcripts write speakers.</summary>
    private static bool AllCapitals(AttributionDocument d, int from, int to)
    {
        var words = 0;
        for (var i = from; i < to; i++)
        {
            if (d.Is(i, AttributionDocument.TokenKind.Word))
            {
                if (!IsCapitalsWord(d, i) && d.Text.AsSpan(d.Tokens[i].Start, d.Tokens[i].Length) is not ("MR" or "MS" or "DR"))
                {
                    return false;
                }

                words++;
            }
        }

        return words > 0;
    }

    /// <summary>A word in capitals, as transcripts write speakers; the entity tagger, trained on mixed case, rarely marks them.</summary>
    private static bool IsCapitalsWord(AttributionDocument d, int i)
    {
        var span = d.Text.AsSpan(d.Tokens[i].Start, d.Tokens[i].Length);
        var letters = 0;
        foreach (var ch in span)
        {
            if (char.IsLower(ch))
            {
                return false;
            }

            letters += char.IsUpper(ch) ? 1 : 0;
        }

        return letters >= 3 && d.Is(i, AttributionDocument.TokenKind.Word);
    }
}
