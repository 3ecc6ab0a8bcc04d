using System.Collections.Frozen;
using System.Diagnostics;
using System.Net;

namespace Dateline.Extraction.Html.Dom;

/// <summary>
/// A forgiving, linear-time HTML parser for extraction. It tokenizes tags, attributes, comments and raw-text elements,
/// decodes character references, implies the end tags news markup relies on (p, li, dt/dd, tr, td/th, option, headings,
/// nested links), and never recurses. Nesting deeper than <see cref="MaxDepth"/> is flattened (its text is kept), so
/// 100,000 nested &lt;div&gt;s cost linear time and no stack. Not a conforming HTML5 tree builder: tables are not
/// fostered and formatting elements are not re-opened, which changes no text.
/// </summary>
public static class LightHtmlParser
{
    /// <summary>Elements nested deeper than this are flattened into their ancestor at this depth.</summary>
    public const int MaxDepth = 256;

    /// <summary>How often (in tags) the time budget is checked.</summary>
    private const int DeadlineCheckInterval = 1024;

    private static readonly FrozenSet<string> VoidElements = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> RawTextElements = new[]
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Start tags that close an open &lt;p&gt; (HTML's "close a p element" list).</summary>
    private static readonly FrozenSet<string> ClosesParagraph = new[]
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Elements that bound the search for an element to close implicitly.</summary>
    private static readonly FrozenSet<string> ScopeBoundaries = new[]
    {
        "html", "body", "table", "td", "th", "caption", "button", "template", "object", "applet", "marquee",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static HtmlDocument Parse(string html, TimeSpan? timeBudget = null)
    {
        var root = new HtmlElement("#document");
        var stack = new List<HtmlElement>(64) { root };
        var flattened = new Dictionary<string, int>(StringComparer.Ordinal);
        var truncated = false;
        var clock = timeBudget is null ? null : Stopwatch.StartNew();
        var tags = 0;
        var n = html.Length;
        var i = 0;
        while (i < n)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                AddText(stack[^1], html, i, n);
                break;
            }

            if (lt > i)
            {
                AddText(stack[^1], html, i, lt);
            }

            i = lt;
            if (++tags % DeadlineCheckInterval == 0 && clock is not null && clock.Elapsed > timeBudget)
            {
                truncated = true;
                break;
            }

            if (i + 1 >= n)
            {
                AddText(stack[^1], html, i, n);
                break;
            }

            var next = html[i + 1];
            if (next == '!')
            {
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                {
                    var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = end < 0 ? n : end + 3;
                }
                else if (string.CompareOrdinal(html, i, "<![CDATA[", 0, 9) == 0)
                {
                    var end = html.IndexOf("]]>", i + 9, StringComparison.Ordinal);
                    AddText(stack[^1], html, i + 9, end < 0 ? n : end);
                    i = end < 0 ? n : end + 3;
                }
                else
                {
                    var end = html.IndexOf('>', i + 2);
                    i = end < 0 ? n : end + 1;
                }
            }
            else if (next == '?')
            {
                var end = html.IndexOf('>', i + 2);
                i = end < 0 ? n : end + 1;
            }
            else if (next == '/')
            {
                var nameStart = i + 2;
                var nameEnd = NameEnd(html, nameStart);
                var end = html.IndexOf('>', nameEnd);
                if (nameEnd == nameStart)
                {
                    i = end < 0 ? n : end + 1; // "</>" or "</ x>": ignored
                    continue;
                }

                var name = html[nameStart..nameEnd].ToLowerInvariant();
                i = end < 0 ? n : end + 1;
                CloseElement(stack, flattened, name);
            }
            else if (char.IsAsciiLetter(next))
            {
                var nameEnd = NameEnd(html, i + 1);
                var element = new HtmlElement(html[(i + 1)..nameEnd].ToLowerInvariant());
                i = ReadAttributes(html, nameEnd, element, out var selfClosing);
                var name = element.LocalName;
                ImplyEndTags(stack, name);
                if (name == "br" || VoidElements.Contains(name))
                {
                    stack[^1].Append(element);
                    continue;
                }

                if (RawTextElements.Contains(name))
                {
                    var close = FindRawTextEnd(html, i, name);
                    var content = html[i..close];
                    if (content.Length > 0)
                    {
                        element.Append(new HtmlText(name is "title" or "textarea" ? Decode(content) : content));
                    }

                    stack[^1].Append(element);
                    var gt = close < n ? html.IndexOf('>', close) : -1;
                    i = gt < 0 ? n : gt + 1;
                    continue;
                }

                if (selfClosing && name is "svg" or "math" or "div" or "span" or "a" or "p")
                {
                    stack[^1].Append(element);
                    continue;
                }

                if (stack.Count >= MaxDepth)
                {
                    flattened[name] = flattened.GetValueOrDefault(name) + 1;
                    truncated = true;
                    continue;
                }

                stack[^1].Append(element);
                stack.Add(element);
            }
            else
            {
                AddText(stack[^1], html, i, i + 1); // a lone '<' is text
                i++;
            }
        }

        return new HtmlDocument(root, truncated);
    }

    private static int NameEnd(string html, int start)
    {
        var j = start;
        while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] is '-' or ':' or '_' or '.'))
        {
            j++;
        }

        return j;
    }

    /// <summary>Reads attributes up to the closing '&gt;' and returns the index after it.</summary>
    private static int ReadAttributes(string html, int j, HtmlElement element, out bool selfClosing)
    {
        selfClosing = false;
        var n = html.Length;
        while (j < n)
        {
            while (j < n && (char.IsWhiteSpace(html[j]) || html[j] == '/'))
            {
                selfClosing = html[j] == '/';
                j++;
            }

            if (j >= n)
            {
                return n;
            }

            if (html[j] == '>')
            {
                return j + 1;
            }

            selfClosing = false;
            var nameStart = j;
            while (j < n && !char.IsWhiteSpace(html[j]) && html[j] is not '=' and not '>' and not '/')
            {
                j++;
            }

            var name = html[nameStart..j].ToLowerInvariant();
            while (j < n && char.IsWhiteSpace(html[j]))
            {
                j++;
            }

            var value = string.Empty;
            if (j < n && html[j] == '=')
            {
                j++;
                while (j < n && char.IsWhiteSpace(html[j]))
                {
                    j++;
                }

                if (j < n && html[j] is '"' or '\'')
                {
                    var quote = html[j];
                    var close = html.IndexOf(quote, j + 1);
                    close = close < 0 ? n : close;
                    value = html[(j + 1)..close];
                    j = Math.Min(n, close + 1);
                }
                else
                {
                    var valueStart = j;
                    while (j < n && !char.IsWhiteSpace(html[j]) && html[j] != '>')
                    {
                        j++;
                    }

                    value = html[valueStart..j];
                }
            }

            if (name.Length > 0)
            {
                element.AddAttribute(name, value.Contains('&') ? Decode(value) : value);
            }
        }

        return n;
    }

    private static int FindRawTextEnd(string html, int from, string name)
    {
        var j = from;
        while (true)
        {
            var lt = html.IndexOf("</", j, StringComparison.Ordinal);
            if (lt < 0)
            {
                return html.Length;
            }

            if (string.Compare(html, lt + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (lt + 2 + name.Length >= html.Length || !char.IsAsciiLetterOrDigit(html[lt + 2 + name.Length])))
            {
                return lt;
            }

            j = lt + 2;
        }
    }

    private static void ImplyEndTags(List<HtmlElement> stack, string name)
    {
        if (ClosesParagraph.Contains(name))
        {
            CloseInScope(stack, "p");
        }

        switch (name)
        {
            case "li":
                CloseInScope(stack, "li", "ul", "ol");
                break;
            case "dt" or "dd":
                CloseInScope(stack, "dd", "dl");
                CloseInScope(stack, "dt", "dl");
                break;
            case "tr":
                CloseInScope(stack, "tr", "table", "tbody", "thead", "tfoot");
                break;
            case "td" or "th":
                CloseInScope(stack, "td", "tr", "table");
                CloseInScope(stack, "th", "tr", "table");
                break;
            case "option":
                CloseInScope(stack, "option", "select");
                break;
            case "a":
                CloseInScope(stack, "a");
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when stack[^1].LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                stack.RemoveAt(stack.Count - 1);
                break;
        }
    }

    /// <summary>Pops the nearest open <paramref name="name"/> unless a boundary element stands between.</summary>
    private static void CloseInScope(List<HtmlElement> stack, string name, params string[] boundaries)
    {
        for (var k = stack.Count - 1; k > 0 && stack.Count - k <= MaxDepth; k--)
        {
            var open = stack[k].LocalName;
            if (open == name)
            {
                stack.RemoveRange(k, stack.Count - k);
                return;
            }

            if (ScopeBoundaries.Contains(open) || Array.IndexOf(boundaries, open) >= 0)
            {
                return;
            }
        }
    }

    private static void CloseElement(List<HtmlElement> stack, Dictionary<string, int> flattened, string name)
    {
        if (flattened.TryGetValue(name, out var pending) && pending > 0)
        {
            flattened[name] = pending - 1;
            return;
        }

        if (name == "br")
        {
            stack[^1].Append(new HtmlElement("br"));
            return;
        }

        for (var k = stack.Count - 1; k > 0; k--)
        {
            if (stack[k].LocalName == name)
            {
                stack.RemoveRange(k, stack.Count - k);
                return;
            }
        }
    }

    private static void AddText(HtmlElement parent, string html, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        var raw = html[start..end];
        parent.Append(new HtmlText(raw.Contains('&') ? Decode(raw) : raw));
    }

    private static string Decode(string s) => WebUtility.HtmlDecode(s);
}
