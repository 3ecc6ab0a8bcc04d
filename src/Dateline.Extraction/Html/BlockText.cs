using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Html;

/// <summary>
/// Turns a DOM subtree into paragraphs: a break at every block element and at double <c>&lt;br&gt;</c>,
/// so words from neighbouring blocks are never glued ("2019The"). Text only: markup never reaches the output.
/// </summary>
internal static partial class BlockText
{
    /// <summary>Elements whose content is never article text (scripts, chrome, captions-as-body).</summary>
    private static readonly FrozenSet<string> Skipped = new[]
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio",
        "figure", "figcaption", "nav", "aside", "footer", "form", "button", "select", "input", "textarea", "label",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that start and end a paragraph.</summary>
    private static readonly FrozenSet<string> Blocks = new[]
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
        "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th", "hr", "address", "center",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\n[ \t]*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();

    public static List<string> Paragraphs(INode root)
    {
        var paragraphs = new List<string>();
        var buffer = new StringBuilder();
        Walk(root, buffer, paragraphs);
        Flush(buffer, paragraphs);
        return paragraphs;
    }

    private static void Walk(INode node, StringBuilder buffer, List<string> paragraphs)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    buffer.Append(text.Data);
                    break;
                case IElement e when Skipped.Contains(e.LocalName) || e.HasAttribute("hidden"):
                    break;
                case IElement e when e.LocalName == "br":
                    buffer.Append('\n');
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    Flush(buffer, paragraphs);
                    Walk(e, buffer, paragraphs);
                    Flush(buffer, paragraphs);
                    break;
                case IElement e:
                    Walk(e, buffer, paragraphs);
                    break;
            }
        }
    }

    /// <summary>Ends the current block: double line breaks inside it split paragraphs, single ones are spaces.</summary>
    private static void Flush(StringBuilder buffer, List<string> paragraphs)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        foreach (var part in ParagraphBreak().Split(buffer.ToString()))
        {
            var p = Whitespace.Collapse(part);
            if (p.Length > 0)
            {
                paragraphs.Add(p);
            }
        }

        buffer.Clear();
    }
}
