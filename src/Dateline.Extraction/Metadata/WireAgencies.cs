using System.Collections.Frozen;
using System.Reflection;

namespace Dateline.Extraction.Metadata;

/// <summary>Normalises an agency name as printed ("KYODO", "The Associated Press") to its usual name ("Kyodo", "AP").</summary>
public static class WireAgencies
{
    private static readonly FrozenDictionary<string, string> ByAlias = Load();

    /// <summary>Returns the canonical agency name, or null when <paramref name="printed"/> names no known agency.</summary>
    public static string? Normalize(string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed))
        {
            return null;
        }

        var key = printed.Trim().Trim('.', ',', ';', ':', '(', ')', '-', '—', '–', ' ');
        return ByAlias.TryGetValue(key, out var canonical) ? canonical : null;
    }

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Extraction.Data.wire-agencies.tsv")
            ?? throw new InvalidOperationException("wire-agencies.tsv is not embedded in Dateline.Extraction.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            map[cols[0]] = cols[0];
            foreach (var alias in cols[1].Split('|'))
            {
                map[alias.Trim()] = cols[0];
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
