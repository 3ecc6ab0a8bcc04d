namespace Dateline.Nlp.Actors;

/// <summary>
/// Actors a user adds or corrects, from a tab-separated file with a header line:
/// <c>name  aliases  type  code  country  role</c> (aliases '|'-separated; type PERSON, ORG or GPE; '#' starts a comment).
/// A mention of the name or an alias takes the file's canonical name, code, country and role, before any inference.
/// </summary>
public sealed class ActorOverrides
{
    private readonly Dictionary<string, Entry> _byName = new(StringComparer.Ordinal);

    public sealed record Entry(string Name, string Type, string? Code, string? Country, string? Role)
    {
        /// <summary>The other names that take this entry (as written in the file's aliases column).</summary>
        public IReadOnlyList<string> Aliases { get; init; } = [];
    }

    public static ActorOverrides None { get; } = new();

    public int Count => _byName.Values.Distinct().Count();

    public Entry? Find(string surface) => _byName.GetValueOrDefault(surface);

    /// <summary>Every entry once, in no particular order.</summary>
    public IEnumerable<Entry> Entries => _byName.Values.Distinct();

    public static ActorOverrides Load(string path) => Parse(File.ReadLines(path), path);

    /// <summary>Reads the lines of an actors file; <paramref name="origin"/> names it in error messages.</summary>
    public static ActorOverrides Parse(IEnumerable<string> lines, string origin) => FromEntries(ParseEntries(lines, origin));

    /// <summary>Overrides from entries (later entries win for a name or alias they share with earlier ones).</summary>
    public static ActorOverrides FromEntries(IEnumerable<Entry> entries)
    {
        var overrides = new ActorOverrides();
        foreach (var entry in entries)
        {
            overrides._byName[entry.Name] = entry;
            foreach (var alias in entry.Aliases)
            {
                overrides._byName[alias] = entry;
            }
        }

        return overrides;
    }

    /// <summary>The entries of an actors file, in file order; a <see cref="FormatException"/> names the bad line.</summary>
    public static IReadOnlyList<Entry> ParseEntries(IEnumerable<string> lines, string origin)
    {
        var entries = new List<Entry>();
        string[]? header = null;
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cols = raw.Split('\t');
            if (header is null)
            {
                header = [.. cols.Select(c => c.Trim().ToLowerInvariant())];
                if (!header.Contains("name"))
                {
                    throw new FormatException($"{origin}:{lineNumber}: the header line needs at least a 'name' column (name, aliases, type, code, country, role)");
                }

                continue;
            }

            string? Col(string name)
            {
                var i = Array.IndexOf(header, name);
                return i >= 0 && i < cols.Length && cols[i].Trim().Length > 0 ? cols[i].Trim() : null;
            }

            entries.Add(new Entry(Col("name") ?? throw new FormatException($"{origin}:{lineNumber}: empty name"),
                Col("type")?.ToUpperInvariant() ?? "PERSON", Col("code"), Col("country")?.ToUpperInvariant(), Col("role"))
            {
                Aliases = (Col("aliases") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            });
        }

        return entries;
    }
}
