using System.Text;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Tests;

/// <summary>Renders a document's quotes inline: <c>[QUOTE …]</c> content, <c>[CUE …]</c>, <c>[SPEAKER …]</c>.</summary>
public static class QuoteAnnotationRenderer
{
    public static string RenderQuotes(Document doc)
    {
        var marks = new HashSet<(int Start, int End, string Label)>();
        foreach (var q in doc.Get(Layers.Quotes))
        {
            marks.Add((q.Content.Start, q.Content.End, "QUOTE"));
            if (q.Cue is { } c)
            {
                marks.Add((c.Start, c.End, "CUE"));
            }

            if (q.Speaker is { } s)
            {
                marks.Add((s.Start, s.End, "SPEAKER"));
            }
        }

        var opens = marks.OrderBy(m => m.Start).ThenByDescending(m => m.End).ToList();
        var sb = new StringBuilder();
        var stack = new Stack<int>();
        var next = 0;
        for (var i = 0; i <= doc.Text.Length; i++)
        {
            while (stack.Count > 0 && stack.Peek() == i)
            {
                sb.Append(']');
                stack.Pop();
            }

            while (next < opens.Count && opens[next].Start == i)
            {
                sb.Append('[').Append(opens[next].Label).Append(' ');
                stack.Push(opens[next].End);
                next++;
            }

            if (i < doc.Text.Length)
            {
                sb.Append(doc.Text[i]);
            }
        }

        return sb.ToString();
    }
}
