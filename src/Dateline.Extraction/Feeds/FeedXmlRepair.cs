using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dateline.Extraction.Feeds;

/// <summary>
/// Makes real-world feed text well-formed before the XML reader sees it, without ever expanding an entity:
/// <list type="bullet">
/// <item>HTML named entities (<c>&amp;nbsp;</c>, <c>&amp;mdash;</c>) in feeds that declare no DTD become numeric
/// references; any other unknown named reference, and a bare <c>&amp;</c>, become literal text (<c>&amp;amp;</c>).
/// So a reference to an entity declared in a DOCTYPE (billion laughs, XXE) is shown as its name and never expanded;</item>
/// <item>characters XML forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates), and numeric references to them, are dropped;</item>
/// <item>namespace prefixes used without a declaration get one on the root element.</item>
/// </list>
/// CDATA sections, comments, processing instructions and the DOCTYPE are copied unchanged (the reader ignores the DOCTYPE).
/// </summary>
internal static partial class FeedXmlRepair
{
    /// <summary>The repaired text and what was changed.</summary>
    public sealed record Result(string Text, int Entities, int Characters, IReadOnlyList<string> Prefixes);

    private static readonly string[] Predefined = ["amp", "lt", "gt", "quot", "apos"];

    [GeneratedRegex(@"</?([A-Za-z_][\w.\-]*):[A-Za-z_]|\s([A-Za-z_][\w.\-]*):[A-Za-z_][\w.\-]*\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex UsedPrefix();

    [GeneratedRegex(@"xmlns:([A-Za-z_][\w.\-]*)\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredPrefix();

    public static Result Repair(string xml)
    {
        var (text, characters) = DropInvalidCharacters(xml);
        var (fixedText, entities, rootNameEnd) = FixReferences(text);
        var (final, prefixes) = DeclarePrefixes(fixedText, rootNameEnd);
        return new Result(final, entities, characters, prefixes);
    }

    private static (string, int) DropInvalidCharacters(string s)
    {
        var bad = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!IsXmlChar(s, i, out var width))
            {
                bad++;
            }

            i += width - 1;
        }

        if (bad == 0)
        {
            return (s, 0);
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (IsXmlChar(s, i, out var width))
            {
                sb.Append(s, i, width);
            }

            i += width - 1;
        }

        return (sb.ToString(), bad);
    }

    private static bool IsXmlChar(string s, int i, out int width)
    {
        width = 1;
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                width = 2;
                return true;
            }

            return false;
        }

        return !char.IsLowSurrogate(c) && (c >= 0x20 ? c is not ('\uFFFE' or '\uFFFF') : c is '\t' or '\n' or '\r');
    }

    private static (string Text, int Fixed, int RootNameEnd) FixReferences(string s)
    {
        StringBuilder? sb = null;
        var copied = 0;
        var fixes = 0;
        var rootNameEnd = -1;
        var shift = 0; // how much longer the output is than the input so far
        var rootShift = 0; // … when the root element's name was found
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '<')
            {
                var skipTo = SkipMarkupDeclaration(s, i);
                if (skipTo > i)
                {
                    i = skipTo;
                    continue;
                }

                if (rootNameEnd < 0 && i + 1 < s.Length && (char.IsLetter(s[i + 1]) || s[i + 1] == '_'))
                {
                    rootNameEnd = i + 1;
                    // A name ends before '&' too: a reference there would be repaired and move the end.
                    while (rootNameEnd < s.Length && !char.IsWhiteSpace(s[rootNameEnd]) && s[rootNameEnd] is not ('>' or '/' or '&' or '<'))
                    {
                        rootNameEnd++;
                    }

                    rootShift = shift;
                }

                i++;
                continue;
            }

            if (c != '&')
            {
                i++;
                continue;
            }

            var (end, replacement) = Reference(s, i);
            if (replacement is not null)
            {
                sb ??= new StringBuilder(s.Length + 64);
                sb.Append(s, copied, i - copied).Append(replacement);
                shift += replacement.Length - (end - i);
                copied = end;
                fixes++;
            }

            i = end;
        }

        if (sb is null)
        {
            return (s, 0, rootNameEnd);
        }

        sb.Append(s, copied, s.Length - copied);
        // A reference repaired before the root element (text or a stray '&' in the prolog) moves the root's name.
        return (sb.ToString(), fixes, rootNameEnd < 0 ? -1 : rootNameEnd + rootShift);
    }

    /// <summary>Index after a CDATA section, comment, PI or DOCTYPE starting at <paramref name="i"/>; else <paramref name="i"/>.</summary>
    private static int SkipMarkupDeclaration(string s, int i)
    {
        static int After(string s, int from, string end)
        {
            var at = s.IndexOf(end, from, StringComparison.Ordinal);
            return at < 0 ? s.Length : at + end.Length;
        }

        var span = s.AsSpan(i);
        if (span.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            return After(s, i + 9, "]]>");
        }

        if (span.StartsWith("<!--", StringComparison.Ordinal))
        {
            return After(s, i + 4, "-->");
        }

        if (span.StartsWith("<?", StringComparison.Ordinal))
        {
            return After(s, i + 2, "?>");
        }

        if (!span.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return i;
        }

        // The DOCTYPE ends at the first '>' outside quotes, comments and the [internal subset].
        var depth = 0;
        char quote = '\0';
        for (var j = i + 9; j < s.Length; j++)
        {
            var c = s[j];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '<' && s.AsSpan(j).StartsWith("<!--", StringComparison.Ordinal))
            {
                j = After(s, j + 4, "-->") - 1;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == '>' && depth == 0)
            {
                return j + 1;
            }
        }

        return s.Length;
    }

    /// <summary>The end of the reference at <paramref name="i"/> and its replacement, or null when it is fine as it is.</summary>
    private static (int End, string? Replacement) Reference(string s, int i)
    {
        var j = i + 1;
        if (j < s.Length && s[j] == '#')
        {
            var hex = j + 1 < s.Length && s[j + 1] is 'x' or 'X';
            var start = hex ? j + 2 : j + 1;
            var k = start;
            while (k < s.Length && k - start < 8 && (hex ? char.IsAsciiHexDigit(s[k]) : char.IsAsciiDigit(s[k])))
            {
                k++;
            }

            if (k == start || k >= s.Length || s[k] != ';')
            {
                return (j, "&amp;");
            }

            var ok = int.TryParse(s.AsSpan(start, k - start), hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
                CultureInfo.InvariantCulture, out var code) && IsXmlCodePoint(code);
            return ok ? (k + 1, null) : (k + 1, string.Empty);
        }

        var n = j;
        while (n < s.Length && n - j < 32 && (char.IsAsciiLetterOrDigit(s[n]) || (n > j && s[n] is '.' or '-' or '_')))
        {
            n++;
        }

        if (n == j || n >= s.Length || s[n] != ';' || !char.IsAsciiLetter(s[j]))
        {
            return (j, "&amp;");
        }

        var name = s[j..n];
        if (Predefined.Contains(name))
        {
            return (n + 1, null);
        }

        var reference = "&" + name + ";";
        var decoded = System.Net.WebUtility.HtmlDecode(reference);
        var symbol = decoded == reference ? null : decoded;
        if (symbol is null)
        {
            // Not HTML: a DTD-declared (or made-up) entity. It is never expanded; its name stays visible as text.
            return (j, "&amp;");
        }

        var sb = new StringBuilder();
        for (var k = 0; k < symbol.Length; k += char.IsSurrogatePair(symbol, k) ? 2 : 1)
        {
            sb.Append("&#x").Append(char.ConvertToUtf32(symbol, k).ToString("X", CultureInfo.InvariantCulture)).Append(';');
        }

        return (n + 1, sb.ToString());
    }

    private static bool IsXmlCodePoint(int c) =>
        c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static (string, IReadOnlyList<string>) DeclarePrefixes(string s, int rootNameEnd)
    {
        if (rootNameEnd < 0 || rootNameEnd > s.Length)
        {
            return (s, []);
        }

        var declared = DeclaredPrefix().Matches(s).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        declared.Add("xml");
        declared.Add("xmlns");
        var missing = UsedPrefix().Matches(s)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(p => !declared.Contains(p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return (s, []);
        }

        var declarations = string.Concat(missing.Select(p =>
            $" xmlns:{p}=\"{(FeedRules.WellKnownPrefixes.TryGetValue(p, out var ns) ? ns : "urn:dateline:undeclared:" + p)}\""));
        return (s.Insert(rootNameEnd, declarations), missing);
    }
}
