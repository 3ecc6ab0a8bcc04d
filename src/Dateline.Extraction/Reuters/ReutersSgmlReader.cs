using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dateline.Core.Articles;
using Dateline.Extraction.Identity;
using Dateline.Extraction.Metadata;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Reuters;

/// <summary>
/// Reads the SGML files of the Reuters-21578 collection (<c>reut2-NNN.sgm</c>, the Lewis DTD): every
/// <c>&lt;REUTERS&gt;</c> element is one wire story with its <c>&lt;DATE&gt;</c>, <c>&lt;TITLE&gt;</c>,
/// <c>&lt;DATELINE&gt;</c> ("SALVADOR, Feb 26 -") and <c>&lt;BODY&gt;</c>. Body lines that start indented begin a
/// paragraph; the closing "Reuter" sign-off is dropped. Headline-only briefs (<c>TYPE="BRIEF"</c>, whose body is a
/// placeholder) are skipped and counted; unprocessed tables (<c>TYPE="UNPROC"</c>) keep their first line as the title
/// and every other line as a paragraph.
/// </summary>
public sealed partial class ReutersSgmlReader(ExtractionOptions options) : IArticleReader
{
    public const string Format = "reuters-sgml";

    public InputKind Kind => InputKind.ReutersSgml;

    [GeneratedRegex(@"<REUTERS\b(?<attrs>[^>]*)>(?<body>.*?)</REUTERS>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex RecordPattern();

    [GeneratedRegex(@"\b(?<name>[A-Z]+)=""(?<value>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"<TEXT\b(?<attrs>[^>]*)>(?<text>.*?)</TEXT>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TextPattern();

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken)
    {
        var decoded = TextDecoder.Decode(input.ReadAll(options.MaxDocumentBytes));
        var text = TextDecoder.NormalizeNewlines(decoded.Text);
        var bytes = 0L;
        var counted = 0;
        var any = false;
        foreach (Match m in RecordPattern().Matches(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            any = true;
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(counted, m.Index - counted));
            counted = m.Index;
            var attributes = Attributes(m.Groups["attrs"].Value);
            var record = attributes.TryGetValue("NEWID", out var id) ? $"NEWID {id}, byte {bytes}" : $"byte {bytes}";
            yield return ReadRecord(input.Path, bytes, record, m.Groups["body"].Value);
        }

        if (!any)
        {
            yield return ReadOutcome.Failed(input.Path, null, "no <REUTERS> records found: not a Reuters-21578 SGML file");
        }
    }

    private static ReadOutcome ReadRecord(string path, long offset, string record, string element)
    {
        if (TextPattern().Match(element) is not { Success: true } textElement)
        {
            return ReadOutcome.Failed(path, record, "the record has no <TEXT> element");
        }

        var type = Attributes(textElement.Groups["attrs"].Value).GetValueOrDefault("TYPE");
        var content = textElement.Groups["text"].Value;
        var title = Field(content, "TITLE") is { } t ? Whitespace.Collapse(Clean(t)) : null;
        List<string> paragraphs;
        if (type == "BRIEF")
        {
            return ReadOutcome.Skip(Format, "headline-only brief");
        }

        if (type == "UNPROC")
        {
            // A table or notice as it came off the wire: the first line is its heading.
            var lines = Clean(content).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
            title ??= lines.Count > 0 ? Whitespace.Collapse(lines[0]) : null;
            paragraphs = [.. lines.Skip(1).Select(l => l.Trim()).Where(l => !IsSignOff(l))];
        }
        else
        {
            paragraphs = Paragraphs(Clean(Field(content, "BODY") ?? string.Empty));
        }

        if (paragraphs.Count == 0)
        {
            return ReadOutcome.Skip(Format, "no body");
        }

        var dateline = Field(content, "DATELINE") is { } d ? Place(Whitespace.Collapse(Clean(d))) : null;
        ArticleDate? published = Field(element, "DATE") is { } date && TryParseDate(date, out var day) ? ArticleDate.FromDate(day) : null;
        ImmutableArray<string> body = [.. paragraphs];
        return ReadOutcome.Ok(new Article
        {
            Id = ArticleIdentity.Compute(null, "Reuters", title, string.Join(Article.BodySeparator, body)),
            Origin = new ArticleOrigin(path, offset),
            Source = "Reuters",
            Wire = "Reuters",
            Title = title,
            Published = published,
            PublishedSource = published is null ? null : DateSources.Record,
            DateReliable = published is null ? null : true,
            Dateline = dateline,
            Tags = Field(element, "TOPICS") is { } topics ? ArticleTags.Normalize(DValues(topics)) : [],
            Language = "en",
            Paragraphs = body,
        });
    }

    /// <summary>The text inside the first <c>&lt;NAME&gt;…&lt;/NAME&gt;</c>, or null.</summary>
    private static string? Field(string element, string name)
    {
        var open = element.IndexOf($"<{name}>", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var start = open + name.Length + 2;
        var close = element.IndexOf($"</{name}>", start, StringComparison.Ordinal);
        return close < 0 ? null : element[start..close];
    }

    /// <summary>The values of a list field: <c>&lt;D&gt;cocoa&lt;/D&gt;&lt;D&gt;coffee&lt;/D&gt;</c>.</summary>
    private static IEnumerable<string> DValues(string list) =>
        DPattern().Matches(list).Select(m => Clean(m.Groups["v"].Value));

    [GeneratedRegex(@"<D>(?<v>.*?)</D>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex DPattern();

    /// <summary>The element's attributes; a repeated name keeps its first value, as HTML does (found by fuzzing: it threw).</summary>
    private static Dictionary<string, string> Attributes(string attrs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match a in AttributePattern().Matches(attrs))
        {
            values.TryAdd(a.Groups["name"].Value, a.Groups["value"].Value);
        }

        return values;
    }

    /// <summary>Entities decoded; the wire's control characters (start/end of text and the like) removed.</summary>
    internal static string Clean(string sgml)
    {
        var decoded = WebUtility.HtmlDecode(sgml);
        var sb = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (c == '\n' || c == '\t' || !char.IsControl(c))
            {
                sb.Append(c == '\t' ? ' ' : c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A line that starts indented opens a paragraph; other lines continue the one before.</summary>
    internal static List<string> Paragraphs(string body)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        void Close()
        {
            var p = Whitespace.Collapse(current.ToString());
            if (p.Length > 0 && !IsSignOff(p))
            {
                paragraphs.Add(p);
            }

            current.Clear();
        }

        foreach (var line in body.Split('\n'))
        {
            if (line.Trim().Length == 0 || line.StartsWith(' '))
            {
                Close();
            }

            current.Append(line).Append(' ');
        }

        Close();
        return paragraphs;
    }

    private static bool IsSignOff(string paragraph) => paragraph.Trim() is "Reuter" or "REUTER" or "Reuters";

    /// <summary>"SALVADOR, Feb 26 -" → "SALVADOR"; "NEW YORK, March 3 -" → "NEW YORK".</summary>
    private static string? Place(string dateline)
    {
        var line = dateline.TrimEnd('-', ' ', '—');
        if (DatelineSplitter.ParseLine(line) is { } split)
        {
            return split.Place;
        }

        var comma = line.IndexOf(',');
        var place = (comma < 0 ? line : line[..comma]).Trim();
        return place.Length is > 1 and <= 40 ? place : null;
    }

    /// <summary>"26-FEB-1987 15:01:01.79": the day (the collection states no time zone, so only the date is kept).</summary>
    internal static bool TryParseDate(string text, out DateOnly day)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ');
        return DateOnly.TryParseExact(space < 0 ? trimmed : trimmed[..space], "d-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
