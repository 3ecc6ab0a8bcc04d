using System.Text.RegularExpressions;

namespace Dateline.Extraction.Metadata;

/// <summary>
/// Recognises closing credit lines ("© KYODO", "(Reuters)", "(Reporting by …; Editing by …)", "-- Yonhap",
/// "© 2025 The Associated Press. All rights reserved.") that end wire copy and must not become body text.
/// </summary>
public static partial class CreditLines
{
    [GeneratedRegex(@"^(?:©|\(c\)|Copyright\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?<who>.*?)[.\s]*(?:All rights reserved\.?)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightPattern();

    // "(Reuters)", "(AP)", "-- Yonhap", "— AFP", "Kyodo"
    [GeneratedRegex(@"^(?:\((?<who>[^()]{2,40})\)|(?:--|—|–|-)\s*(?<who>[^()]{2,40})|(?<who>[^()]{2,30}))\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex AgencyOnlyPattern();

    // "(Reporting by Jane Doe; Editing by John Roe)", "(Additional reporting by …)", "Writing by …"
    [GeneratedRegex(@"^\(?\s*(?:Reporting|Writing|Editing|Additional reporting|Compiled|Produced)\s+by\b[^()]*\)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StaffCreditPattern();

    /// <summary>True when <paramref name="line"/> is a closing credit, not story text.</summary>
    public static bool IsCredit(string line) => Classify(line) is not null;

    /// <summary>
    /// Returns null for story text; otherwise the credit, with <c>Wire</c> set when it names a known agency.
    /// </summary>
    public static Credit? Classify(string line)
    {
        var s = line.Trim();
        if (s.Length == 0 || s.Length > 160)
        {
            return null;
        }

        var copyright = CopyrightPattern().Match(s);
        if (copyright.Success && (s.StartsWith('©') || s.StartsWith("(c)", StringComparison.OrdinalIgnoreCase)
                                  || s.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase)))
        {
            return new Credit(WireAgencies.Normalize(copyright.Groups["who"].Value));
        }

        // Yonhap and some other agencies close copy with an end marker.
        if (s is "(END)" or "(End)" or "-END-" or "- END -" or "###")
        {
            return new Credit(null);
        }

        if (StaffCreditPattern().IsMatch(s))
        {
            return new Credit(null);
        }

        var agency = AgencyOnlyPattern().Match(s);
        if (agency.Success && WireAgencies.Normalize(agency.Groups["who"].Value) is { } wire)
        {
            return new Credit(wire);
        }

        return null;
    }

    /// <summary>A recognised credit line and the agency it names, if any.</summary>
    public sealed record Credit(string? Wire);
}
