using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Dateline.Nlp.Syntax;

/// <summary>Reads and writes CoNLL-U (https://universaldependencies.org/format.html).</summary>
public static class Conllu
{
    /// <summary>
    /// Reads every sentence; a broken sentence is reported through <paramref name="onError"/> (or thrown when null) and
    /// skipped, and reading goes on with the next one.
    /// </summary>
    public static IEnumerable<ConlluSentence> Read(TextReader reader, string source = "input", Action<ConlluFormatException>? onError = null)
    {
        var lines = new List<(string Text, int Line)>();
        var number = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                if (lines.Count > 0)
                {
                    if (TryParse(lines, source, onError) is { } s)
                    {
                        yield return s;
                    }

                    lines.Clear();
                }

                continue;
            }

            lines.Add((line, number));
        }

        if (lines.Count > 0 && TryParse(lines, source, onError) is { } last)
        {
            yield return last;
        }
    }

    public static List<ConlluSentence> ReadFile(string path) =>
        [.. Read(new StreamReader(path, Encoding.UTF8), Path.GetFileName(path))];

    private static ConlluSentence? TryParse(List<(string Text, int Line)> lines, string source, Action<ConlluFormatException>? onError)
    {
        try
        {
            return Parse(lines, source);
        }
        catch (ConlluFormatException e) when (onError is not null)
        {
            onError(e);
            return null;
        }
    }

    private static ConlluSentence Parse(List<(string Text, int Line)> lines, string source)
    {
        var words = ImmutableArray.CreateBuilder<ConlluWord>();
        var others = ImmutableArray.CreateBuilder<string>();
        var layout = ImmutableArray.CreateBuilder<int>();
        foreach (var (text, number) in lines)
        {
            if (text.StartsWith('#'))
            {
                layout.Add(~others.Count);
                others.Add(text);
                continue;
            }

            var cols = text.Split('\t');
            if (cols.Length != 10)
            {
                throw new ConlluFormatException(source, number, $"expected 10 tab-separated columns, found {cols.Length}");
            }

            if (cols[0].Contains('-') || cols[0].Contains('.'))
            {
                // A multiword-token range is passed through; an empty node is dropped (its id is not a word's).
                if (cols[0].Contains('-'))
                {
                    layout.Add(~others.Count);
                    others.Add(text);
                }

                continue;
            }

            if (!int.TryParse(cols[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id != words.Count + 1)
            {
                throw new ConlluFormatException(source, number, $"word id '{cols[0]}' is not {words.Count + 1}");
            }

            if (cols[1].Length == 0)
            {
                throw new ConlluFormatException(source, number, "empty FORM");
            }

            var head = -1;
            if (cols[6] != "_" && !int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out head))
            {
                throw new ConlluFormatException(source, number, $"HEAD '{cols[6]}' is not a number");
            }

            layout.Add(words.Count);
            words.Add(new ConlluWord(cols[1], cols[2], cols[3], cols[4], cols[5], head, cols[7], cols[8], cols[9]));
        }

        if (words.Count == 0)
        {
            throw new ConlluFormatException(source, lines[0].Line, "sentence without word lines");
        }

        foreach (var w in words)
        {
            if (w.Head > words.Count)
            {
                throw new ConlluFormatException(source, lines[0].Line, $"HEAD {w.Head} points past the sentence's {words.Count} words");
            }
        }

        return new ConlluSentence(words.ToImmutable(), others.ToImmutable(), layout.ToImmutable(), lines[0].Line);
    }

    /// <summary>Writes one sentence, its comments and ranges passed through, followed by a blank line.</summary>
    public static void Write(TextWriter writer, ConlluSentence sentence)
    {
        foreach (var item in sentence.Layout)
        {
            if (item < 0)
            {
                writer.Write(sentence.OtherLines[~item]);
                writer.Write('\n');
                continue;
            }

            var w = sentence.Words[item];
            writer.Write(string.Join('\t', (item + 1).ToString(CultureInfo.InvariantCulture), w.Form, Blank(w.Lemma), Blank(w.Upos), Blank(w.Xpos),
                Blank(w.Feats), w.Head < 0 ? "_" : w.Head.ToString(CultureInfo.InvariantCulture), Blank(w.Relation), Blank(w.Deps), Blank(w.Misc)));
            writer.Write('\n');
        }

        writer.Write('\n');
    }

    private static string Blank(string value) => value.Length == 0 ? "_" : value;
}
