namespace Dateline.Nlp.Events.Petrarch;

/// <summary>
/// The content lines of a PETRARCH/TABARI dictionary file with their 1-based line numbers: <c>#</c> starts a comment
/// that runs to the end of the line, <c>&lt;!-- … --&gt;</c> (also the sloppy <c>&lt;! --</c>) may span lines; blank
/// lines are dropped and the rest is trimmed.
/// </summary>
internal static class DictionaryText
{
    public static IEnumerable<(int Line, string Text)> Lines(string path) => Lines(File.ReadLines(path));

    public static IEnumerable<(int Line, string Text)> Lines(IEnumerable<string> lines)
    {
        var number = 0;
        var inComment = false;
        foreach (var raw in lines)
        {
            number++;
            var line = raw;
            var kept = new System.Text.StringBuilder();
            while (line.Length > 0)
            {
                if (inComment)
                {
                    var end = line.IndexOf("-->", StringComparison.Ordinal);
                    if (end < 0)
                    {
                        line = string.Empty;
                        break;
                    }

                    line = line[(end + 3)..];
                    inComment = false;
                    continue;
                }

                var open = line.IndexOf("<!", StringComparison.Ordinal);
                var hash = line.IndexOf('#', StringComparison.Ordinal);
                if (hash >= 0 && (open < 0 || hash < open))
                {
                    kept.Append(line.AsSpan(0, hash));
                    break;
                }

                if (open < 0)
                {
                    kept.Append(line);
                    break;
                }

                kept.Append(line.AsSpan(0, open));
                line = line[(open + 2)..];
                inComment = true;
            }

            var text = kept.ToString().Trim();
            if (text.Length > 0)
            {
                yield return (number, text);
            }
        }
    }

    /// <summary>"MINAS_TIRITH", "CARAS GALADHON" → lower-case words; a trailing '_' (TABARI's "no stem") is reported through <paramref name="exact"/>.</summary>
    public static string[] Words(string phrase, out bool exact)
    {
        var p = phrase.Trim();
        exact = p.EndsWith('_');
        return p.ToLowerInvariant().Split(['_', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }
}
