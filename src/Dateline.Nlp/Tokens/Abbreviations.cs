using System.Collections.Frozen;
using System.Reflection;

namespace Dateline.Nlp.Tokens;

/// <summary>Abbreviations from Data/abbreviations.txt: which keep their period, and which (titles, "No.") never end a sentence.</summary>
public static class Abbreviations
{
    private static readonly (FrozenSet<string> All, FrozenSet<string> Titles) Sets = Load();

    public static bool IsAbbreviation(ReadOnlySpan<char> token) => Sets.All.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);

    public static bool IsTitle(ReadOnlySpan<char> token) => Sets.Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);

    /// <summary>Reads "abbreviation, kind, ends_sentence" rows; "never" marks abbreviations that never end a sentence.</summary>
    private static (FrozenSet<string>, FrozenSet<string>) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Nlp.Data.abbreviations.txt")
            ?? throw new InvalidOperationException("abbreviations.txt is not embedded in Dateline.Nlp.");
        using var reader = new StreamReader(stream);
        var all = new List<string>();
        var never = new List<string>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (header)
            {
                header = false; // column names
                continue;
            }

            var cols = line.Split('\t');
            all.Add(cols[0]);
            if (cols.Length > 2 && cols[2].Trim() == "never")
            {
                never.Add(cols[0]);
            }
        }

        return (all.ToFrozenSet(StringComparer.Ordinal), never.ToFrozenSet(StringComparer.Ordinal));
    }
}
