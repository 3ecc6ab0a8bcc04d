namespace Dateline.Storage.Search;

/// <summary>
/// How back ends mark matches in the snippets their engines make (FTS5's snippet(), PostgreSQL's ts_headline): control
/// characters that article text never holds, stripped into <see cref="HighlightRange"/>s so no markup reaches a front end.
/// </summary>
internal static class SnippetMarkers
{
    public const char Open = '\u0002';
    public const char Close = '\u0003';

    /// <summary>Strips the match markers into ranges, then undoes CJK segmentation and joins ranges that touch.</summary>
    public static (string Snippet, List<HighlightRange> Highlights) Strip(string marked)
    {
        var sb = new System.Text.StringBuilder(marked.Length);
        var ranges = new List<HighlightRange>();
        var start = -1;
        foreach (var ch in marked)
        {
            if (ch == Open)
            {
                start = sb.Length;
            }
            else if (ch == Close && start >= 0)
            {
                ranges.Add(new HighlightRange(start, sb.Length));
                start = -1;
            }
            else
            {
                sb.Append(ch);
            }
        }

        var text = CjkSegmenter.Unsegment(sb.ToString(), ranges);

        // Characters matched one by one (CJK, segmented per character) that touch once unsegmented are one highlight.
        var merged = new List<HighlightRange>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && merged[^1].End == range.Start)
            {
                merged[^1] = merged[^1] with { End = range.End };
            }
            else
            {
                merged.Add(range);
            }
        }

        return (text, merged);
    }
}
