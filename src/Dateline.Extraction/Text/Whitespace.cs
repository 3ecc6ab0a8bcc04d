using System.Text;

namespace Dateline.Extraction.Text;

/// <summary>Whitespace clean-up for extracted text: one space between words, no control characters.</summary>
public static class Whitespace
{
    /// <summary>Collapses runs of whitespace (including NBSP and zero-width spaces) to one space and trims.</summary>
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
