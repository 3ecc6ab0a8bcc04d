using System.Collections.Immutable;
using System.Globalization;
using Dateline.Core.Articles;
using Dateline.Extraction.Metadata;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.TextDumps;

/// <summary>
/// Recovers an article's structure from a crawler text dump. The page furniture comes in a fixed order —
/// [image alt, caption "… Image: X"]*, [section], headline, ["N Comments"], [DATELINE], paragraphs, [credit] —
/// but any part may be missing, so the parser anchors on the first line that surely belongs to the story
/// (the comment counter, the dateline, or the first sentence) and reads the furniture backwards from there.
/// </summary>
internal static class TextDumpParser
{
    /// <summary>How many lines after the header may hold furniture before the story starts.</summary>
    private const int MaxFurnitureLines = 16;

    public static bool HasHeader(string firstLine) => TextDumpRules.Header().IsMatch(firstLine);

    public static TextDump Parse(string text)
    {
        var warnings = new List<string>();
        var raw = TextDecoder.NormalizeNewlines(text).Split('\n');
        var all = raw.Select(Whitespace.Collapse).ToList();
        var first = all.FindIndex(l => l.Length > 0);
        DateOnly? date = null;
        string? source = null;
        var lines = new List<string>();
        if (first >= 0 && TextDumpRules.Header().Match(raw[first].TrimStart('\uFEFF')) is { Success: true } header)
        {
            if (DateOnly.TryParseExact(header.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                warnings.Add($"header date '{header.Groups["date"].Value}' is not a real calendar date");
            }

            source = NullIfEmpty(header.Groups["source"].Value);
            lines.AddRange(all.Skip(first + 1).Where(l => l.Length > 0));
        }
        else
        {
            warnings.Add("no 'date YYYY-MM-DD  Source' header line");
            lines.AddRange(all.Where(l => l.Length > 0));
        }

        var start = FindStoryStart(lines);
        var headlineAt = start - 1;
        while (headlineAt >= 0 && (IsCaption(lines, headlineAt) || IsAlt(lines, headlineAt)))
        {
            headlineAt--;
        }

        var title = headlineAt >= 0 ? lines[headlineAt] : null;
        if (title is null)
        {
            warnings.Add("no headline found before the story text");
        }

        var (images, section) = ReadFurniture(lines, Math.Max(headlineAt, 0), warnings);

        int? comments = null;
        string? dateline = null;
        string? wire = null;
        var i = start;
        for (; i < lines.Count; i++)
        {
            if (TextDumpRules.CommentCount().Match(lines[i]) is { Success: true } c)
            {
                // A count too large for any page ("4444444441 Comments", found by fuzzing) is no count.
                comments = int.TryParse(c.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None,
                    CultureInfo.InvariantCulture, out var n) ? n : null;
            }
            else if (DatelineSplitter.ParseLine(lines[i]) is { } dl)
            {
                dateline = dl.Place;
                wire = dl.Wire;
            }
            else
            {
                break;
            }
        }

        var body = lines.Skip(i).ToList();
        string? creditWire = null;
        while (body.Count > 0 && CreditLines.Classify(body[^1]) is { } credit)
        {
            creditWire ??= credit.Wire;
            body.RemoveAt(body.Count - 1);
        }

        if (body.Count > 0 && DatelineSplitter.SplitInline(body[0]) is { } inline)
        {
            dateline ??= inline.Place;
            wire ??= inline.Wire;
            body[0] = inline.Rest;
        }

        if (body.Count == 0)
        {
            warnings.Add("no body text");
        }

        return new TextDump(date, source, title, section, dateline, wire ?? creditWire, comments,
            images, [.. body], [.. warnings]);
    }

    /// <summary>
    /// Index of the first story line: the comment counter or dateline line if one stands in the furniture zone,
    /// else the first line that reads as prose (and is not the only line, which would be the headline).
    /// </summary>
    private static int FindStoryStart(List<string> lines)
    {
        var zone = Math.Min(lines.Count, MaxFurnitureLines);
        for (var k = 1; k < zone; k++)
        {
            if (IsCaption(lines, k) || IsAlt(lines, k))
            {
                continue;
            }

            if (TextDumpRules.WordCount(lines[k]) >= TextDumpRules.ProseMinWords)
            {
                break;
            }

            if (TextDumpRules.CommentCount().IsMatch(lines[k]) || DatelineSplitter.ParseLine(lines[k]) is not null)
            {
                return k;
            }
        }

        for (var k = 1; k < lines.Count; k++)
        {
            if (!IsCaption(lines, k) && !IsAlt(lines, k) && TextDumpRules.IsProse(lines[k]))
            {
                return k;
            }
        }

        return lines.Count;
    }

    private static bool IsCaption(List<string> lines, int k) => TextDumpRules.Caption().IsMatch(lines[k]);

    private static bool IsAlt(List<string> lines, int k) => k + 1 < lines.Count && !IsCaption(lines, k) && IsCaption(lines, k + 1);

    /// <summary>Reads image alt/caption/credit groups and the section label from the lines before the headline.</summary>
    private static (ImmutableArray<ArticleImage> Images, string? Section) ReadFurniture(
        List<string> lines, int headlineAt, List<string> warnings)
    {
        var images = ImmutableArray.CreateBuilder<ArticleImage>();
        string? section = null;
        var sectionAt = -1;
        if (headlineAt > 0 && !IsCaption(lines, headlineAt - 1) && !IsAlt(lines, headlineAt - 1)
            && TextDumpRules.WordCount(lines[headlineAt - 1]) <= TextDumpRules.SectionMaxWords
            && !TextDumpRules.SentenceEnd().IsMatch(lines[headlineAt - 1]))
        {
            sectionAt = headlineAt - 1;
            section = lines[sectionAt];
        }

        for (var k = 0; k < headlineAt; k++)
        {
            if (k == sectionAt)
            {
                continue;
            }

            if (TextDumpRules.Caption().Match(lines[k]) is { Success: true } cap)
            {
                var alt = k > 0 && IsAlt(lines, k - 1) && k - 1 != sectionAt ? lines[k - 1] : null;
                images.Add(new ArticleImage(null, alt, NullIfEmpty(cap.Groups["caption"].Value), NullIfEmpty(cap.Groups["credit"].Value)));
            }
            else if (IsAlt(lines, k))
            {
                continue; // read with its caption
            }
            else if (TextDumpRules.WordCount(lines[k]) <= TextDumpRules.AltMaxWords)
            {
                images.Add(new ArticleImage(null, lines[k], null, null));
            }
            else
            {
                warnings.Add($"dropped an unrecognised line before the headline: '{Truncate(lines[k], 60)}'");
            }
        }

        return (images.ToImmutable(), section);
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Truncate(string s, int n) => s.Length <= n ? s : string.Concat(s.AsSpan(0, n), "…");
}
