using System.Collections.Frozen;
using System.Reflection;

namespace Dateline.Nlp.Tokens;

/// <summary>Abbreviations from Data/abbreviations.txt: which keep their period, and which (titles) never end a sentence.</summary>
public static class Abbreviations
{
    private static readonly (FrozenSet<string> All, FrozenSet<string> Titles) Sets = Load();

    public static bool IsAbbreviation(ReadOnlySpan<char> token) => Sets.All.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);

    public static bool IsTitle(ReadOnlySpan<char> token) => Sets.Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);

    private static (FrozenSet<string>, FrozenSet<string>) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Nlp.Data.abbreviations.txt")
            ?? throw new InvalidOperationException("abbreviations.txt is not embedded in Dateline.Nlp.");
        using var reader = new StreamReader(stream);
        var all = new List<string>();
        var titles = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '!')
            {
                line = line[1..];
                titles.Add(line);
            }

            all.Add(line);
        }

        return (all.ToFrozenSet(StringComparer.Ordinal), titles.ToFrozenSet(StringComparer.Ordinal));
    }
}
