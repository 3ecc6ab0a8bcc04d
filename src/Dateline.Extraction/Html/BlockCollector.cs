using System.Text;
using Dateline.Extraction.Html.Dom;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Html;

/// <summary>
/// Walks the DOM once, iteratively (a page of 100,000 nested elements cannot overflow the stack), and cuts its text
/// into <see cref="TextBlock"/>s at block boundaries and at double line breaks, counting link text per block.
/// </summary>
internal static class BlockCollector
{
    public static List<TextBlock> Collect(HtmlElement root)
    {
        var blocks = new List<TextBlock>();
        var buffer = new StringBuilder();
        var linkChars = 0;
        var linkDepth = 0;
        var links = new List<Core.Articles.ArticleLink>();
        var linkStack = new Stack<(string? Href, int Start)>();
        var owners = new Stack<HtmlElement>();
        owners.Push(root);
        var stack = new Stack<(HtmlNode Node, bool Exit)>();
        PushChildren(stack, root);

        void Flush()
        {
            if (buffer.Length == 0)
            {
                return;
            }

            var raw = buffer.ToString();
            buffer.Clear();
            var linked = linkChars;
            linkChars = 0;
            var blockLinks = links.Count == 0 ? null : links.ToList();
            links.Clear();
            var parts = raw.Contains("\n\n", StringComparison.Ordinal) || raw.Contains('\n') ? SplitOnDoubleBreaks(raw) : [raw];
            foreach (var part in parts)
            {
                var text = Whitespace.Collapse(part);
                if (text.Length > 0)
                {
                    // Link characters are shared out over the parts in proportion to their length.
                    var share = parts.Count == 1 ? linked : (int)Math.Round(linked * (double)text.Length / raw.Length);
                    blocks.Add(new TextBlock(owners.Peek(), text, Math.Min(share, text.Length), blocks.Count, blockLinks));
                    blockLinks = null; // the links go with the first part
                }
            }
        }

        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is HtmlElement element)
            {
                var name = element.LocalName;
                if (exit)
                {
                    if (BoilerplateRules.BlockTags.Contains(name))
                    {
                        Flush();
                        owners.Pop();
                    }
                    else if (name == "a")
                    {
                        linkDepth--;
                        var (href, start) = linkStack.Pop();
                        if (href is not null && start <= buffer.Length)
                        {
                            var text = Text.Whitespace.Collapse(buffer.ToString(start, buffer.Length - start));
                            if (text.Length > 0)
                            {
                                links.Add(new Core.Articles.ArticleLink(text, href));
                            }
                        }
                    }

                    continue;
                }

                if (BoilerplateRules.SkippedTags.Contains(name) || IsHidden(element))
                {
                    continue;
                }

                // Inline chrome inside a paragraph (a people pop-up, a photo credit, a "more" link) is never text.
                if (!BoilerplateRules.BlockTags.Contains(name) && name != "a" && ClassTokens.Signal(element) < 0)
                {
                    continue;
                }

                if (name == "br")
                {
                    buffer.Append('\n');
                    continue;
                }

                if (name is "td" or "th")
                {
                    buffer.Append(' '); // a table row is one block; its cells are words apart
                }

                if (BoilerplateRules.BlockTags.Contains(name))
                {
                    Flush();
                    owners.Push(element);
                }
                else if (name == "a")
                {
                    linkDepth++;
                    linkStack.Push((SafeHref(element.GetAttribute("href")), buffer.Length));
                }

                stack.Push((element, true));
                PushChildren(stack, element);
            }
            else if (node is HtmlText text)
            {
                buffer.Append(text.Data);
                if (linkDepth > 0)
                {
                    linkChars += text.Data.Trim().Length;
                }
            }
        }

        Flush();
        return blocks;
    }

    private static void PushChildren(Stack<(HtmlNode, bool)> stack, HtmlElement node)
    {
        var children = node.ChildNodes;
        for (var i = children.Count - 1; i >= 0; i--)
        {
            stack.Push((children[i], false));
        }
    }

    /// <summary>Only web links are kept; javascript:, data: and the like never leave the extractor.</summary>
    private static string? SafeHref(string? href)
    {
        var h = href?.Trim();
        if (string.IsNullOrEmpty(h) || h[0] == '#')
        {
            return null;
        }

        return h.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || h.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
               || h[0] == '/' || !h.Contains(':', StringComparison.Ordinal)
            ? h
            : null;
    }

    private static bool IsHidden(HtmlElement e) =>
        e.HasAttribute("hidden")
        || string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (e.GetAttribute("style") is { } style && style.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Contains("display:none", StringComparison.OrdinalIgnoreCase));

    private static List<string> SplitOnDoubleBreaks(string raw)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\n')
            {
                continue;
            }

            var j = i + 1;
            while (j < raw.Length && raw[j] is ' ' or '\t' or '\r')
            {
                j++;
            }

            if (j < raw.Length && raw[j] == '\n')
            {
                parts.Add(raw[start..i]);
                while (j < raw.Length && char.IsWhiteSpace(raw[j]))
                {
                    j++;
                }

                start = j;
                i = j - 1;
            }
        }

        parts.Add(raw[start..]);
        return parts;
    }
}
