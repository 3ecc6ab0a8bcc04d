using System.Text;

namespace Dateline.Nlp.Entities;

/// <summary>Word shapes: "Ishiba" → "Xxxxx"/"Xx", "U.S." → "X.X."/"X.X.", "1910-1945" → "dddd-dddd"/"d-d".</summary>
internal static class TokenShape
{
    public static string Long(string w)
    {
        Span<char> shape = w.Length <= 256 ? stackalloc char[w.Length] : new char[w.Length];
        return new string(shape[..Long(w, shape)]);
    }

    /// <summary>Writes the long shape into <paramref name="into"/> (at least as long as the word) and returns its length.</summary>
    public static int Long(ReadOnlySpan<char> w, Span<char> into)
    {
        var length = 0;
        var last = '\0';
        var run = 0;
        foreach (var ch in w)
        {
            var c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            run = c == last ? run + 1 : 1;
            last = c;
            if (run <= 4)
            {
                into[length++] = c;
            }
        }

        return length;
    }

    public static string Short(string w)
    {
        var sb = new StringBuilder(6);
        char last = '\0';
        foreach (var ch in w)
        {
            var c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (c != last)
            {
                sb.Append(c);
            }

            last = c;
        }

        return sb.ToString();
    }
}
