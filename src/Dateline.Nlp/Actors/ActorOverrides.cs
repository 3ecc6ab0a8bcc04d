namespace Dateline.Nlp.Actors;

/// <summary>
/// Actors a user adds or corrects, from a tab-separated file with a header line:
/// <c>name  aliases  type  code  country  role</c> (aliases '|'-separated; type PERSON, ORG or GPE; '#' starts a comment).
/// A mention of the name or an alias takes the file's canonical name, code, country and role, before any inference.
/// </summary>
public sealed class ActorOverrides
{
    private readonly Dictionary<string, Entry> _byName;

    /// <summary>Consulted when this set has no entry (see <see cref="Combine"/>).</summary>
    private ActorOverrides? _then;

    public ActorOverrides()
        : this(StringComparer.Ordinal)
    {
    }

    private ActorOverrides(StringComparer comparer) => _byName = new(comparer);

    public sealed record Entry(string Name, string Type, string? Code, string? Country, string? Role);

    public static ActorOverrides None { get; } = new();

    public int Count => _byName.Values.Distinct().Count();

    public Entry? Find(string surface) => _byName.GetValueOrDefault(surface) ?? _then?.Find(surface);

    /// <summary>
    /// <paramref name="first"/> (e.g. the user's file), then <paramref name="more"/> matched case-insensitively (e.g. the
    /// names of PETRARCH actor dictionaries, which are written in capitals); the first entry for a name wins.
    /// </summary>
    internal static ActorOverrides Combine(ActorOverrides? first, IEnumerable<(string Surface, Entry Entry)> more)
    {
        var added = new ActorOverrides(StringComparer.OrdinalIgnoreCase);
        foreach (var (surface, entry) in more)
        {
            added._byName.TryAdd(surface, entry);
        }

        if (first is null || first._byName.Count == 0)
        {
            return added;
        }

        var combined = new ActorOverrides();
        foreach (var (k, v) in first._byName)
        {
            combined._byName[k] = v;
        }

        combined._then = added;
        return combined;
    }

    public static ActorOverrides Load(string path)
    {
        var overrides = new ActorOverrides();
        string[]? header = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
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
                    throw new FormatException($"{path}:{lineNumber}: the header line needs at least a 'name' column (name, aliases, type, code, country, role)");
                }

                continue;
            }

            string? Col(string name)
            {
                var i = Array.IndexOf(header, name);
                return i >= 0 && i < cols.Length && cols[i].Trim().Length > 0 ? cols[i].Trim() : null;
            }

            var entry = new Entry(Col("name") ?? throw new FormatException($"{path}:{lineNumber}: empty name"),
                Col("type")?.ToUpperInvariant() ?? "PERSON", Col("code"), Col("country")?.ToUpperInvariant(), Col("role"));
            overrides._byName[entry.Name] = entry;
            foreach (var alias in (Col("aliases") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                overrides._byName[alias] = entry;
            }
        }

        return overrides;
    }
}
