namespace Dateline.Nlp.Lexicons;

/// <summary>
/// What the actor stage needs from Data/: place names and demonyms → country (ISO 3166-1 alpha-3), metonyms
/// ("Kremlin") → country and sector, organisations → code, and titles → canonical role, sector and default country.
/// </summary>
public sealed class ActorLexicon
{
    private static readonly Lazy<ActorLexicon> DefaultLazy = new(Load);

    public static ActorLexicon Default => DefaultLazy.Value;

    public sealed record Role(string Title, string Sector, string Rank, string? Country);

    public sealed record Organization(string Name, string Code, string? Country, string Type)
    {
        /// <summary>
        /// The sector the organisation held in each period (the notes' "status: GOV 1996-09-27..2001-11-12, REB …;"),
        /// for organisations whose place in a state changed (the Taliban). A party's status (government or opposition)
        /// is information only: a named party is coded PTY (Data/README.md, "Parties and dated status").
        /// </summary>
        public IReadOnlyList<(string Sector, DateOnly? From, DateOnly? Until)> Status { get; init; } = [];

        /// <summary>The code on <paramref name="date"/>: the country with the sector of the status period holding the date, else <see cref="Code"/>.</summary>
        public string CodeOn(DateOnly? date)
        {
            if (date is not { } day || Type == "PTY" || Code.Length < 3)
            {
                return Code;
            }

            foreach (var (sector, from, until) in Status)
            {
                if ((from is null || from <= day) && (until is null || day <= until))
                {
                    return (Country ?? Code[..3]) + sector;
                }
            }

            return Code;
        }

        /// <summary>Reads "status: GOV 2012-12-26.., OPP 2009-09-16..2012-12-25;" at the start of a notes field.</summary>
        public static IReadOnlyList<(string Sector, DateOnly? From, DateOnly? Until)> ParseStatus(string? notes)
        {
            if (notes is null || !notes.StartsWith("status:", StringComparison.Ordinal))
            {
                return [];
            }

            var end = notes.IndexOf(';', StringComparison.Ordinal);
            var list = new List<(string, DateOnly?, DateOnly?)>();
            foreach (var part in notes["status:".Length..(end < 0 ? notes.Length : end)].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var bits = part.Split(' ', 2, StringSplitOptions.TrimEntries);
                var range = bits.Length == 2 ? bits[1].Split("..") : [];
                if (range.Length != 2)
                {
                    throw new FormatException($"organizations.tsv: status period '{part}' is not 'SECTOR FROM..UNTIL'");
                }

                list.Add((bits[0], Day(range[0]), Day(range[1])));
            }

            return list;

            static DateOnly? Day(string s) => s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Country names, short forms, capitals (and their aliases) → ISO3. Case-sensitive.</summary>
    public Dictionary<string, string> PlaceCountry { get; } = new(StringComparer.Ordinal);

    /// <summary>Unambiguous demonyms ("Japanese", "South Korean") → ISO3.</summary>
    public Dictionary<string, string> DemonymCountry { get; } = new(StringComparer.Ordinal);

    /// <summary>Demonyms that name several countries ("Congolese", "Kurdish", "Hutu") → the candidate ISO3 codes and the default (empty: none).</summary>
    public Dictionary<string, (string[] Candidates, string Default)> AmbiguousDemonyms { get; } = new(StringComparer.Ordinal);

    /// <summary>ISO3 → the name Dateline displays.</summary>
    public Dictionary<string, string> CountryName { get; } = new(StringComparer.Ordinal);

    /// <summary>Metonyms ("Kremlin", "Blue House") → (ISO3, sector).</summary>
    public Dictionary<string, (string Country, string Sector)> Metonyms { get; } = new(StringComparer.Ordinal);

    /// <summary>Organisation names and aliases → organisation (the first row that lists the alias).</summary>
    public Dictionary<string, Organization> Organizations { get; } = new(StringComparer.Ordinal);

    /// <summary>Aliases that more than one row lists ("RSF": Reporters Without Borders, Sudan's Rapid Support Forces) → every such row, in file order.</summary>
    public Dictionary<string, List<Organization>> SharedAliases { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The organisation <paramref name="alias"/> names in <paramref name="text"/>: for an alias several rows share, the
    /// first whose country the text names (by name, short form, capital or demonym), else the first row.
    /// </summary>
    public Organization? OrganizationIn(string alias, string text)
    {
        if (!Organizations.TryGetValue(alias, out var first))
        {
            return null;
        }

        if (!SharedAliases.TryGetValue(alias, out var rows))
        {
            return first;
        }

        return rows.FirstOrDefault(o => o.Country is { } iso && NamesCountry(text, iso)) ?? first;
    }

    private bool NamesCountry(string text, string iso) =>
        PlaceCountry.Any(p => p.Value == iso && text.Contains(p.Key, StringComparison.Ordinal))
        || DemonymCountry.Any(d => d.Value == iso && text.Contains(d.Key, StringComparison.Ordinal));

    /// <summary>Titles and their aliases, lower-cased → role; the longest phrase is matched first.</summary>
    public Dictionary<string, Role> Roles { get; } = new(StringComparer.Ordinal);

    public int LongestRoleWords { get; private set; }

    private static ActorLexicon Load()
    {
        var lex = new ActorLexicon();
        foreach (var row in TsvResource.Rows("countries.tsv"))
        {
            var iso = row["iso3"];
            lex.CountryName[iso] = row["name"];
            foreach (var n in TsvResource.List(row, "name").Concat(TsvResource.List(row, "short_forms"))
                         .Concat(TsvResource.List(row, "capital")).Concat(TsvResource.List(row, "capital_aliases")))
            {
                lex.PlaceCountry.TryAdd(n, iso);
            }

            foreach (var d in TsvResource.List(row, "demonyms"))
            {
                lex.DemonymCountry.TryAdd(d, iso);
            }
        }

        foreach (var row in TsvResource.Rows("ambiguous_demonyms.tsv"))
        {
            var candidates = TsvResource.List(row, "candidates").Where(lex.CountryName.ContainsKey).ToArray();
            if (row.GetValueOrDefault("kind") is "regional" || candidates.Length == 0)
            {
                continue;
            }

            var fallback = row.GetValueOrDefault("default") is { Length: 3 } d && lex.CountryName.ContainsKey(d) ? d : string.Empty;
            foreach (var term in TsvResource.List(row, "term").Concat(TsvResource.List(row, "variants")))
            {
                lex.AmbiguousDemonyms.TryAdd(term, (candidates, fallback));
            }
        }

        foreach (var row in TsvResource.Rows("cities.tsv"))
        {
            if (row.GetValueOrDefault("iso3") is { Length: 3 } iso)
            {
                foreach (var n in TsvResource.List(row, "name").Concat(TsvResource.List(row, "aliases")))
                {
                    lex.PlaceCountry.TryAdd(n, iso);
                }
            }
        }

        // First-level regions ("Northern Ireland", "Punjab") name their country when no country or city has the name; a name
        // that two countries' regions share stays out, and so do abbreviations ("Ga.", "NI").
        var regions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in TsvResource.Rows("regions.tsv"))
        {
            if (row.GetValueOrDefault("iso3") is { Length: 3 } iso)
            {
                foreach (var n in TsvResource.List(row, "name").Concat(TsvResource.List(row, "aliases")))
                {
                    if (n.Length > 3 && !n.Contains('.', StringComparison.Ordinal))
                    {
                        regions[n] = regions.TryGetValue(n, out var seen) && seen != iso ? null : iso;
                    }
                }
            }
        }

        foreach (var (name, iso) in regions)
        {
            if (iso is not null)
            {
                lex.PlaceCountry.TryAdd(name, iso);
            }
        }

        foreach (var row in TsvResource.Rows("metonyms.tsv"))
        {
            if (row.GetValueOrDefault("iso3") is { Length: 3 } iso)
            {
                lex.Metonyms.TryAdd(row["term"], (iso, row.GetValueOrDefault("sector") ?? string.Empty));
            }
        }

        foreach (var row in TsvResource.Rows("organizations.tsv"))
        {
            var org = new Organization(row["name"], row["code"], row.GetValueOrDefault("country") is { Length: 3 } c ? c : null, row.GetValueOrDefault("type") ?? string.Empty)
            {
                Status = Organization.ParseStatus(row.GetValueOrDefault("notes")),
            };
            foreach (var n in TsvResource.List(row, "name").Concat(TsvResource.List(row, "aliases")))
            {
                if (!lex.Organizations.TryAdd(n, org))
                {
                    if (!lex.SharedAliases.TryGetValue(n, out var rows))
                    {
                        lex.SharedAliases[n] = rows = [lex.Organizations[n]];
                    }

                    rows.Add(org);
                }
            }
        }

        foreach (var row in TsvResource.Rows("roles.tsv"))
        {
            var role = new Role(row["title"], row.GetValueOrDefault("sector") ?? string.Empty, row.GetValueOrDefault("rank") ?? string.Empty,
                row.GetValueOrDefault("countries") is { Length: >= 3 } c ? c.Split('|')[0] : null);
            foreach (var n in TsvResource.List(row, "title").Concat(TsvResource.List(row, "aliases")))
            {
                var key = n.ToLowerInvariant();
                lex.Roles.TryAdd(key, role);
                lex.LongestRoleWords = Math.Max(lex.LongestRoleWords, key.Split(' ').Length);
            }
        }

        return lex;
    }
}
