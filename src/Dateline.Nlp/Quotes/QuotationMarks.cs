using System.Collections.Immutable;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Quotes;

/// <summary>
/// Double-quoted spans of a text. Curly marks say which way they face; a straight mark opens after a space, a bracket or
/// the start of a paragraph, and closes otherwise. Single quotes are left alone (they nest inside double quotes and
/// double as apostrophes). A paragraph that ends inside a quote continues it when the next paragraph opens with a mark
/// (the news convention for long quotes); otherwise the quote ends with its paragraph.
/// </summary>
internal static class QuotationMarks
{
    public static bool IsDouble(char c) => c is '"' or '“' or '”' or '„' or '«' or '»';

    public static ImmutableArray<Quoted> Find(string text, ImmutableArray<TextSpan> paragraphs)
    {
        var found = ImmutableArray.CreateBuilder<Quoted>();
        var open = -1;
        var openWidth = 1;
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var para = paragraphs[p];
            for (var i = para.Start; i < para.End; i++)
            {
                var c = text[i];
                var width = 1;
                if (c == '\'' && i + 1 < para.End && text[i + 1] == '\'')
                {
                    c = '"'; // '' stands for a double quotation mark in some wire copy (NYT)
                    width = 2;
                }
                else if (!IsDouble(c))
                {
                    continue;
                }

                var opening = c is '“' or '„' or '«' || (c == '"' && (i == para.Start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '\''));
                if (c is '”' or '»')
                {
                    opening = false;
                }

                if (open < 0)
                {
                    if (opening || c == '"')
                    {
                        open = i;
                        openWidth = width;
                    }
                }
                else if (!opening || c == '"')
                {
                    if (i > open + openWidth)
                    {
                        found.Add(new Quoted(open, i, i + width, new TextSpan(open + openWidth, i)));
                    }

                    open = -1;
                }
                else
                {
                    open = i; // two openings in a row: the first was stray
                    openWidth = width;
                }

                i += width - 1;
            }

            if (open >= 0)
            {
                var next = p + 1 < paragraphs.Length ? paragraphs[p + 1] : (TextSpan?)null;
                if (next is { } n && n.Length > 0 && IsDouble(text[n.Start]) && text[n.Start] is not ('”' or '»'))
                {
                    // The quote runs on: skip the next paragraph's opening mark.
                    paragraphs = paragraphs.SetItem(p + 1, new TextSpan(n.Start + 1, n.End));
                    continue;
                }

                if (next is { } n2 && n2.Length > 1 && text[n2.Start] == '\'' && text[n2.Start + 1] == '\'')
                {
                    paragraphs = paragraphs.SetItem(p + 1, new TextSpan(n2.Start + 2, n2.End));
                    continue;
                }

                var end = para.End;
                while (end > open + 1 && char.IsWhiteSpace(text[end - 1]))
                {
                    end--;
                }

                if (end > open + openWidth)
                {
                    found.Add(new Quoted(open, end, end, new TextSpan(open + openWidth, end)));
                }

                open = -1;
            }
        }

        return found.ToImmutable();
    }

    /// <summary>A quoted span: the opening mark's offset, the closing mark's offset and end (or the paragraph end), and the text between.</summary>
    internal readonly record struct Quoted(int Open, int Close, int CloseEnd, TextSpan Content);
}
