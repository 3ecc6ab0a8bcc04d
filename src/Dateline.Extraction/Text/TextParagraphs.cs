namespace Dateline.Extraction.Text;

/// <summary>Splits plain text into paragraphs: blank-line separated blocks (lines joined), or lines when no blank lines.</summary>
public static class TextParagraphs
{
    public static List<string> Split(string text)
    {
        var lines = TextDecoder.NormalizeNewlines(text).Split('\n').Select(Whitespace.Collapse).ToList();
        var hasBlankSeparators = lines.SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Any(l => l.Length == 0);
        if (!hasBlankSeparators)
        {
            return [.. lines.Where(l => l.Length > 0)];
        }

        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(string.Join(' ', current));
                    current.Clear();
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(string.Join(' ', current));
        }

        return paragraphs;
    }
}
