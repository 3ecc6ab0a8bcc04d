using System.Text.RegularExpressions;

namespace Dateline.Extraction.Metadata;

/// <summary>Splits a photo credit printed at the end of a caption ("… on Wednesday. Image: Kyodo", "Photo: AP").</summary>
public static partial class CaptionCredit
{
    [GeneratedRegex(@"^(?<caption>.*?)\s*\b(?:Image|Photo|Photograph|Picture|Credit)\s*:\s*(?<credit>[^.!?]{1,60}?)\s*$",
        RegexOptions.CultureInvariant)]
    internal static partial Regex Pattern();

    /// <summary>The caption without its credit, and the credit; null credit when the caption names none.</summary>
    public static (string? Caption, string? Credit) Split(string caption)
    {
        var m = Pattern().Match(caption);
        if (!m.Success)
        {
            return (Clean(caption), null);
        }

        return (Clean(m.Groups["caption"].Value), Clean(m.Groups["credit"].Value));
    }

    private static string? Clean(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
