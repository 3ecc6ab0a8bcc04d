using System.Text;

namespace Dateline.Storage.Search;

/// <summary>
/// Makes CJK text searchable with a word tokenizer: every Han, Kana or Hangul character becomes its own token, so
/// a Japanese, Chinese or Korean query (segmented the same way) matches as a phrase of characters. Applied to
/// indexed text and to query terms alike; <see cref="Unsegment"/> reverses it for display.
/// </summary>
public static class CjkSegmenter
{
    /// <summary>
    /// The character put around segmented CJK characters: a zero-width space, which word tokenizers treat as a separator
    /// and which extraction never leaves in text, so removing it restores the original exactly.
    /// </summary>
    private const char Gap = '\u200B';

    public static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF'   // Hiragana, Katakana
            or >= '\u3400' and <= '\u4DBF' // CJK Extension A
            or >= '\u4E00' and <= '\u9FFF' // CJK Unified Ideographs
            or >= '\uF900' and <= '\uFAFF' // CJK Compatibility Ideographs
            or >= '\uAC00' and <= '\uD7AF' // Hangul syllables
            or >= '\u1100' and <= '\u11FF' // Hangul Jamo
            or >= '\uFF66' and <= '\uFF9F'; // half-width Katakana

    public static bool ContainsCjk(string s) => s.Any(IsCjk);

    public static string Segment(string text)
    {
        if (!ContainsCjk(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length * 2);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                if (sb.Length > 0 && sb[^1] != Gap)
                {
                    sb.Append(Gap);
                }

                sb.Append(c).Append(Gap);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Removes the gaps <see cref="Segment"/> inserted, mapping highlight ranges to the restored text.</summary>
    public static string Unsegment(string text, List<HighlightRange>? highlights = null)
    {
        if (!text.Contains(Gap, StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var map = new int[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = sb.Length;
            if (text[i] != Gap)
            {
                sb.Append(text[i]);
            }
        }

        map[text.Length] = sb.Length;
        if (highlights is not null)
        {
            for (var h = 0; h < highlights.Count; h++)
            {
                highlights[h] = new HighlightRange(map[highlights[h].Start], map[highlights[h].End]);
            }
        }

        return sb.ToString();
    }
}
