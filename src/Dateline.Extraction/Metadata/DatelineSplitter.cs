using System.Text.RegularExpressions;

namespace Dateline.Extraction.Metadata;

/// <summary>
/// Finds the dateline printed at the head of a story — as its own line ("TOKYO") or inline before the first
/// sentence ("SEOUL (Yonhap) -- …", "NEW YORK, June 4 (Reuters) - …", "WASHINGTON — …") — and the wire it credits.
/// </summary>
public static partial class DatelineSplitter
{
    /// <summary>A dateline and the agency in its parentheses, and the paragraph with the prefix removed.</summary>
    public sealed record Split(string Place, string? Wire, string Rest);

    // Place: upper-case words (with . ' - and spaces), e.g. "NEW YORK", "ST. PETERSBURG", "UNITED NATIONS".
    // Then optionally ", Region" and/or ", Month Day", then optionally "(Agency)", then a dash or colon.
    [GeneratedRegex(
        @"^(?<place>\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,39}?)(?:,\s*(?<region>\p{Lu}[\p{L}.\- ]{1,30}?))?(?:,\s*(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*(?:\((?<wire>[^()]{2,40})\))?\s*(?:--|—|–|-|:)\s+(?<rest>\S[\s\S]*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex InlinePattern();

    // A dateline on its own line: "TOKYO", "NEW YORK", "KANANASKIS, Canada", "SEOUL, June 4", "BEIJING (Xinhua)".
    [GeneratedRegex(
        @"^(?<place>\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,39}?)(?:,\s*(?<region>\p{Lu}[\p{L}.\- ]{1,30}?))?(?:,\s*(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?\s*(?:\((?<wire>[^()]{2,40})\))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();

    /// <summary>Splits an inline dateline off the start of <paragraph>; null when the paragraph has none.</summary>
    public static Split? SplitInline(string paragraph)
    {
        var m = InlinePattern().Match(paragraph);
        if (!m.Success)
        {
            return null;
        }

        var place = m.Groups["place"].Value.Trim();
        var wire = m.Groups["wire"].Success ? NormalizeWire(m.Groups["wire"].Value) : null;
        if (!IsPlace(place) || (place.Length < 3 && wire is null))
        {
            return null;
        }

        return new Split(place, wire, m.Groups["rest"].Value);
    }

    /// <summary>Reads a line that is only a dateline ("TOKYO"); null when the line is something else.</summary>
    public static Split? ParseLine(string line)
    {
        var m = LinePattern().Match(line.Trim());
        if (!m.Success)
        {
            return null;
        }

        var place = m.Groups["place"].Value.Trim();
        if (!IsPlace(place) || place.Length < 2 || CreditLines.IsCredit(line))
        {
            return null;
        }

        var wire = m.Groups["wire"].Success ? NormalizeWire(m.Groups["wire"].Value) : null;
        return new Split(place, wire, string.Empty);
    }

    /// <summary>An agency credit as printed in a dateline: known agencies normalised, other short names kept.</summary>
    private static string? NormalizeWire(string printed)
    {
        var known = WireAgencies.Normalize(printed);
        if (known is not null)
        {
            return known;
        }

        var trimmed = printed.Trim();
        return trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4 && char.IsUpper(trimmed[0]) ? trimmed : null;
    }

    // At most five words, at least two letters, and no word that is only punctuation.
    private static bool IsPlace(string place)
    {
        var words = place.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 5 && place.Count(char.IsLetter) >= 2 && words.All(w => w.Any(char.IsLetter));
    }
}
