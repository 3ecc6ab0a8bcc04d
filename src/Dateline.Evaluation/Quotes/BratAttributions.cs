using System.Globalization;
using Dateline.Core.Documents;

namespace Dateline.Evaluation.Quotes;

/// <summary>One gold attribution: the content, cue and source spans (each possibly discontinuous), in UTF-16 offsets.</summary>
public sealed record GoldAttribution(IReadOnlyList<TextSpan> Content, IReadOnlyList<TextSpan> Cue, IReadOnlyList<TextSpan> Source, string CueText);

/// <summary>An article of the PolNeAR corpus: its text and the attributions of one annotator.</summary>
public sealed record PolnearArticle(string Id, string Annotator, string Text, IReadOnlyList<GoldAttribution> Attributions);

/// <summary>
/// Reads PolNeAR (brat standoff). <c>DIR/text/&lt;id&gt;.txt</c> holds the article; <c>DIR/attributions/&lt;id&gt;_&lt;annotator&gt;.ann</c>
/// one annotator's spans (<c>T</c> lines, offsets in Unicode code points, fragments joined by ';') and relations (<c>E</c>
/// lines tying Source, Cue and Content). Where several annotators did an article, the one with the lexicographically
/// first annotator id is used, so the choice is stable and independent of file-system order.
/// </summary>
public static class BratAttributions
{
    /// <summary>Which articles of a folder to read: all, or a fixed split for choosing settings without the dev set.</summary>
    public enum Part
    {
        All,

        /// <summary>Every article but every fifth (by id): what a model is trained on when choices are made on held-out articles.</summary>
        WithoutHeldOut,

        /// <summary>Every fifth article (by id, the 5th, 10th, …): the held-out part of a training split.</summary>
        HeldOut,
    }

    /// <param name="dir">The split's folder.</param>
    /// <param name="allAnnotators">Every annotator's version of each article (for training), not only the first.</param>
    /// <param name="part">All articles, or one side of the held-out split (every fifth article by id).</param>
    public static IEnumerable<PolnearArticle> ReadFolder(string dir, bool allAnnotators = false, Part part = Part.All)
    {
        var annotations = Directory.EnumerateFiles(Path.Combine(dir, "attributions"), "*.ann")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Select(name => (Id: name[..name.LastIndexOf('_')], Annotator: name[(name.LastIndexOf('_') + 1)..]))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Where((_, index) => part == Part.All || (index % 5 == 4) == (part == Part.HeldOut))
            .SelectMany(g => g.OrderBy(x => x.Annotator, StringComparer.Ordinal).Take(allAnnotators ? int.MaxValue : 1))
            .OrderBy(x => x.Id, StringComparer.Ordinal).ThenBy(x => x.Annotator, StringComparer.Ordinal);
        foreach (var (id, annotator) in annotations)
        {
            var text = File.ReadAllText(Path.Combine(dir, "text", id + ".txt"));
            var ann = File.ReadAllLines(Path.Combine(dir, "attributions", $"{id}_{annotator}.ann"));
            yield return new PolnearArticle(id, annotator, text, Parse(text, ann));
        }
    }

    /// <summary>Parses the lines of a .ann file against its text (code-point offsets become UTF-16 offsets).</summary>
    public static IReadOnlyList<GoldAttribution> Parse(string text, IEnumerable<string> lines)
    {
        var utf16 = CodePointToUtf16(text);
        var spans = new Dictionary<string, (string Type, List<TextSpan> Spans, string Text)>(StringComparer.Ordinal);
        var relations = new List<string[]>();
        foreach (var line in lines)
        {
            var cols = line.Split('\t');
            if (line.StartsWith('T') && cols.Length >= 2)
            {
                var typeAndOffsets = cols[1];
                var space = typeAndOffsets.IndexOf(' ', StringComparison.Ordinal);
                var list = new List<TextSpan>();
                foreach (var fragment in typeAndOffsets[(space + 1)..].Split(';'))
                {
                    var pair = fragment.Trim().Split(' ');
                    var s = int.Parse(pair[0], CultureInfo.InvariantCulture);
                    var e = int.Parse(pair[1], CultureInfo.InvariantCulture);
                    list.Add(new TextSpan(utf16[Math.Min(s, utf16.Length - 1)], utf16[Math.Min(e, utf16.Length - 1)]));
                }

                spans[cols[0]] = (typeAndOffsets[..space], list, cols.Length > 2 ? cols[2] : string.Empty);
            }
            else if (line.StartsWith('E') && cols.Length >= 2)
            {
                relations.Add(cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var result = new List<GoldAttribution>();
        foreach (var args in relations)
        {
            var roles = args.Select(a => a.Split(':')).Where(a => a.Length == 2 && spans.ContainsKey(a[1]))
                .GroupBy(a => a[0].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.SelectMany(a => spans[a[1]].Spans).ToList(), StringComparer.Ordinal);
            var cueText = string.Join(" ", args.Select(a => a.Split(':')).Where(a => a.Length == 2 && a[0].StartsWith("Cue", StringComparison.Ordinal) && spans.ContainsKey(a[1])).Select(a => spans[a[1]].Text));
            if (!roles.TryGetValue("Content", out var content))
            {
                continue;
            }

            result.Add(new GoldAttribution(content, roles.GetValueOrDefault("Cue") ?? [], roles.GetValueOrDefault("Source") ?? [], cueText));
        }

        return result;
    }

    /// <summary>Index i → UTF-16 offset of code point i (one extra entry for the end of the text).</summary>
    internal static int[] CodePointToUtf16(string text)
    {
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        map.Add(text.Length);
        return [.. map];
    }
}
