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

    public sealed record Entry(string Name, string Type, string? Code, string? Country, string? Role)
    {
        /// <summary>The other names that take this entry (as written in the file's aliases column).</summary>
        public IReadOnlyList<string> Aliases { get; init; } = [];
    }

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

    /// <summary>
    /// A stable hash of what these overrides say (every name and alias with its entry, then the overrides consulted
    /// after them); null when there are none. Analyses made with different overrides have different fingerprints.
    /// </summary>
    public string? Fingerprint
    {
        get
        {
            if (_byName.Count == 0 && _then is null)
            {
                return null;
            }

            var text = new System.Text.StringBuilder();
            foreach (var (surface, e) in _byName.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                text.Append(surface).Append('\t').Append(e.Name).Append('\t').Append(e.Type).Append('\t').Append(e.Code).Append('\t')
                    .Append(e.Country).Append('\t').Append(e.Role).Append('\n');
            }

            text.Append("then:").Append(_then?.Fingerprint);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16];
        }
    }

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
