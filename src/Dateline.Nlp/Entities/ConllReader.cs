namespace Dateline.Nlp.Entities;

/// <summary>
/// Reads CoNLL-2003 files (token POS chunk NER per line, blank lines between sentences, -DOCSTART- between documents,
/// IOB1 tags) as sentences with BIO tags. Also reads plain one-token-per-line input (no tags).
/// </summary>
public static class ConllReader
{
    public static List<NerSentence> Read(string path)
    {
        var sentences = new List<NerSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        var document = 0;
        var hasTags = true;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                document++;
                continue;
            }

            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            var cols = line.Split(' ', '\t');
            words.Add(cols[0]);
            if (cols.Length > 1)
            {
                tags.Add(cols[^1]);
            }
            else
            {
                hasTags = false;
            }
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (words.Count > 0)
            {
                sentences.Add(new NerSentence([.. words], document) { Tags = hasTags && tags.Count == words.Count ? ToBio(tags) : null });
            }

            words.Clear();
            tags.Clear();
            hasTags = true;
        }
    }

    /// <summary>IOB1 → BIO: an I- tag that does not continue an entity of its type begins one.</summary>
    public static string[] ToBio(IReadOnlyList<string> iob1)
    {
        var bio = new string[iob1.Count];
        for (var i = 0; i < iob1.Count; i++)
        {
            var t = iob1[i];
            if (t.StartsWith("I-", StringComparison.Ordinal))
            {
                var prev = i > 0 ? iob1[i - 1] : "O";
                bio[i] = prev.Length > 2 && prev[2..] == t[2..] ? t : "B-" + t[2..];
            }
            else
            {
                bio[i] = t;
            }
        }

        return bio;
    }
}
