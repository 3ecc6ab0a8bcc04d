using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Actors;

/// <summary>
/// Resolves entity mentions to the document's actors and codes them from the text. People: a title before the name
/// ("Japanese Prime Minister Shigeru Ishiba", "new President Lee Jae Myung") gives the role and sector, a demonym or
/// possessive country before the title gives the country, else the title's default country (Chief Cabinet Secretary →
/// JPN), else the nearest country named earlier in the sentence; "X's predecessor Y" gives Y the country of X. Later
/// mentions join by name parts ("Ishiba", "Lee"); role nouns ("the top government spokesman", "the prime minister")
/// join the actor holding that role. Places become country actors (ISO3), organisations take their lexicon code.
/// </summary>
public sealed class ActorResolver(ActorLexicon lexicon, ActorOverrides? overrides = null, Leaders? leaders = null) : IPipelineComponent
{
    private readonly ActorOverrides _overrides = overrides ?? ActorOverrides.None;
    private readonly KnownPeople _known = new(lexicon, leaders ?? Leaders.Default);

    /// <summary>Words between a title and a name, or before a title, that change nothing here.</summary>
    private static readonly HashSet<string> Modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "new", "incoming", "outgoing", "acting", "interim", "then", "then-", "current", "newly", "elected", "the", "its", "his", "her",
        // "Labour former minister Jack Cunningham", "British veteran diplomat X": the party or country before them still
        // qualifies the title (the event coder reads "former" itself: an elite, no longer in office).
        "former", "veteran", "senior", "junior",
    };

    /// <summary>
    /// Offices of a few states whose titles are ordinary ones elsewhere (roles.tsv notes): "Chief Executive" heads the
    /// Hong Kong and Macau governments and a company anywhere else; "General Secretary" leads the state in one-party
    /// states and a party, union or agency elsewhere. The state reading needs the text to name one of those states;
    /// otherwise the ordinary title's row applies.
    /// </summary>
    private static readonly Dictionary<string, (string[] Names, string Otherwise)> StateOnlyTitles = new(StringComparer.Ordinal)
    {
        ["Chief Executive"] = (["Hong Kong", "Macau", "Macao"], "ceo"),
        ["General Secretary"] = (["China", "Chinese", "Beijing", "Vietnam", "Hanoi", "Laos", "Lao ", "North Korea", "Pyongyang", "Cuba", "Havana", "Communist"], "secretary-general"),
    };

    /// <summary>How far back in a sentence a named country may supply a title-holder's country.</summary>
    private const int CountryContextTokens = 12;

    /// <summary>Titles of address that precede a name but are not part of it.</summary>
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "Professor", "Rev", "Madam", "Monsieur", "Herr",
    };

    public ComponentInfo Info { get; } = new("actors.rules.v2", [Layers.Tokens, Layers.Sentences, Layers.Entities], [Layers.Actors, Layers.ActorMentions])
    {
        Configuration = overrides?.Fingerprint is { } f ? "overrides:" + f : null,
    };

    public void Process(Document document, CancellationToken cancellationToken)
    {
        DateOnly? date = document.Has(Layers.DocumentDate) ? document.Get(Layers.DocumentDate) : null;
        var tokens = document.Get(Layers.Tokens);
        var syntax = document.Has(Layers.Syntax) && document.Get(Layers.Syntax) is { } tree && tree.Length == tokens.Length ? tree : default;
        var (actors, mentions) = Resolve(document.Text, tokens, document.Get(Layers.Sentences), document.Get(Layers.Entities), date, syntax);
        document.Set(Layers.Actors, actors);
        document.Set(Layers.ActorMentions, mentions);
    }

    private sealed class Draft
    {
        private string _name = string.Empty;

        public required string Id { get; init; }

        public required string Name
        {
            get => _name;
            set
            {
                _name = value;
                NameParts = value.Split(' ');
            }
        }

        /// <summary>The words of <see cref="Name"/> (kept with it: name matching runs once per mention against every person).</summary>
        public string[] NameParts { get; private set; } = [];

        public required string Type { get; init; }
        public string? Country { get; set; }
        public string? Role { get; set; }
        public string? Sector { get; set; }
        public string? FixedCode { get; set; }

        /// <summary>The country is a guess from a country named shortly before the title, not stated for this person.</summary>
        public bool CountryFromContext { get; set; }

        /// <summary>The country is the title's default (roles.tsv), not one the text gave.</summary>
        public bool CountryFromRoleDefault { get; set; }

        /// <summary>"Guterres' spokesman, Stephane Dujarric": whom a title with no sector of its own speaks or works for.</summary>
        public Draft? SpeaksFor { get; set; }

        public List<string> Aliases { get; } = [];

        public Actor ToActor() => new(Id, Name, Type, FixedCode ?? (Country is null ? null : Country + (Sector ?? string.Empty)),
            Country, Role, [.. Aliases.Distinct(StringComparer.Ordinal).Where(a => a != Name)]);
    }

    internal (ImmutableArray<Actor>, ImmutableArray<ActorMention>) Resolve(string text, ImmutableArray<TextSpan> tokens,
        ImmutableArray<TextSpan> sentences, ImmutableArray<EntityMention> entities, DateOnly? date = null, ImmutableArray<TokenSyntax> syntax = default)
    {
        var drafts = new List<Draft>();
        var mentions = new List<ActorMention>();
        var words = tokens.Select(t => text[t.Start..t.End]).ToArray();
        int TokenAt(int offset)
        {
            var i = tokens.AsSpan().BinarySearch(new TextSpan(offset, offset), Comparer<TextSpan>.Create((a, b) => a.Start.CompareTo(b.Start)));
            return Math.Min(tokens.Length - 1, Math.Max(0, i >= 0 ? i : ~i));
        }

        // Token index where each sentence starts, in text order; a sentence's start is found by binary search.
        var sentenceStarts = sentences.Select(s => s.Start).ToArray();
        int SentenceStart(int token)
        {
            var i = Array.BinarySearch(sentenceStarts, tokens[token].Start);
            i = i >= 0 ? i : ~i - 1;
            return i < 0 ? 0 : TokenAt(sentenceStarts[i]);
        }

        var byId = new Dictionary<string, Draft>(StringComparer.Ordinal);

        // The actor named right before "'s" in front of a title ("Guterres' spokesman", "Putin's aide").
        Draft? Possessor(int titleStart)
        {
            var p = titleStart - 1;
            if (p < 1 || words[p] is not ("'s" or "’s" or "'" or "’"))
            {
                return null;
            }

            var owner = mentions.LastOrDefault(m => TokenAt(m.Span.Start) <= p - 1 && p - 1 <= TokenAt(Math.Max(m.Span.Start, m.Span.End - 1)));
            return owner is not null && byId.TryGetValue(owner.ActorId, out var found) ? found : null;
        }

        var personCount = 0; // person drafts so far (numbers the next "p:" id)
        Draft Get(string id, Func<Draft> create)
        {
            if (!byId.TryGetValue(id, out var d))
            {
                d = create();
                drafts.Add(d);
                byId[id] = d;
                personCount += d.Type == EntityLabels.Person ? 1 : 0;
            }

            return d;
        }

        var countryMentions = new List<(int Token, string Iso)>();
        // Other mentions that place the story: organisations with a country ("Labour", "the BBC"). They do not place a
        // title next to them (countryMentions does), but they count towards the country the story is about.
        var storyEvidence = new List<string>();
        foreach (var e in entities)
        {
            var surface = text[e.Span.Start..e.Span.End];
            var first = TokenAt(e.Span.Start);
            if (_overrides.Find(surface) is { } fixedActor)
            {
                // The user's file wins over everything inferred.
                var id = "u:" + fixedActor.Name;
                var d = Get(id, () => new Draft
                {
                    Id = id,
                    Name = fixedActor.Name,
                    Type = fixedActor.Type,
                    Country = fixedActor.Country,
                    Role = fixedActor.Role,
                    FixedCode = fixedActor.Code,
                });
                d.Aliases.Add(surface);
                mentions.Add(new ActorMention(e.Span, d.Id, "name"));
                if (fixedActor.Type == EntityLabels.Gpe && fixedActor.Country is { } c)
                {
                    countryMentions.Add((first, c));
                }
            }
            else if (e.Label is EntityLabels.Gpe or EntityLabels.Loc && (lexicon.PlaceCountry.TryGetValue(surface, out var iso) || TryMetonym(surface, out iso, out _)))
            {
                var d = Get("c:" + iso, () => new Draft { Id = "c:" + iso, Name = lexicon.CountryName.GetValueOrDefault(iso, surface), Type = EntityLabels.Gpe, Country = iso });
                d.Aliases.Add(surface);
                mentions.Add(new ActorMention(e.Span, d.Id, "name"));
                countryMentions.Add((first, iso));
            }
            else if (e.Label == EntityLabels.Org)
            {
                var org = lexicon.OrganizationIn(surface, text);
                var id = "o:" + (org?.Name ?? surface);
                var d = Get(id, () => new Draft { Id = id, Name = org?.Name ?? surface, Type = EntityLabels.Org, Country = org?.Country, FixedCode = org?.CodeOn(date) });
                d.Aliases.Add(surface);
                if (org?.Country is { } orgCountry)
                {
                    storyEvidence.Add(orgCountry);
                }

                mentions.Add(new ActorMention(e.Span, d.Id, "name"));
            }
            else if (e.Label == EntityLabels.Person)
            {
                // "Mr Howard", "Dr Abe": the honorific is no part of the name, so the mention links to "Michael Howard" named
                // earlier (the surface stays an alias).
                // A span that took in a quotation mark ("” Guterres") names the same person.
                var parts = surface.Trim('“', '”', '"', '‘').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 1 && Honorifics.Contains(parts[0].TrimEnd('.')))
                {
                    parts = parts[1..];
                }

                var known = drafts.LastOrDefault(d => d.Type == EntityLabels.Person && SameName(d, parts) && !d.Id.StartsWith("u:", StringComparison.Ordinal));
                var (role, country, roleStart) = TitleBefore(words, first);
                if (role is null && !syntax.IsDefaultOrEmpty)
                {
                    // "the autonomous republic's president, Milorad Dodik", "Jimmy Lai, the founder of …": a title in apposition.
                    (role, country, roleStart) = TitleInApposition(words, syntax, first, TokenAt(Math.Max(e.Span.Start, e.Span.End - 1)));
                }

                if (role is not null && StateOnlyTitles.TryGetValue(role.Title, out var stateOnly)
                    && !stateOnly.Names.Any(n => text.Contains(n, StringComparison.Ordinal)) && lexicon.Roles.TryGetValue(stateOnly.Otherwise, out var ordinary))
                {
                    role = ordinary;
                }

                var d = known ?? new Draft { Id = "p:" + (personCount + 1), Name = string.Join(' ', parts), Type = EntityLabels.Person };
                if (known is null)
                {
                    drafts.Add(d);
                    byId[d.Id] = d;
                    personCount++;
                }
                else if (parts.Length > d.NameParts.Length)
                {
                    d.Aliases.Add(d.Name);
                    d.Name = string.Join(' ', parts);
                }

                d.Aliases.Add(surface);
                if (role is { Sector: "*" } && roleStart is { } titleStart && d.SpeaksFor is null)
                {
                    d.SpeaksFor = Possessor(titleStart);
                }

                if (role is not null && d.Role is null)
                {
                    d.Role = role.Title;
                    d.Sector = role.Sector is "*" or "" ? null : role.Sector;
                    if (country is null && role.Country is not null)
                    {
                        // The title's usual country ("Chancellor" → Germany) is only a default: the story may say otherwise.
                        d.CountryFromRoleDefault = true;
                    }

                    country ??= role.Country;
                }

                // "X's predecessor Y": Y held X's post before, in X's country.
                var predecessor = PredecessorOf(words, first, drafts, text, tokens, entities);
                if (predecessor is not null && d.Country is null)
                {
                    d.Country = predecessor.Country;
                    d.Role ??= predecessor.Role is null ? "predecessor of " + predecessor.Name : "former " + predecessor.Role;
                    d.Sector ??= "ELI";
                }

                if (d.Role is not null && country is null && d.Country is null)
                {
                    var start = roleStart ?? first;
                    // Country mentions are in text order: look back from the last one until the window's start.
                    var from = Math.Max(SentenceStart(first), start - CountryContextTokens);
                    country = null;
                    for (var k = countryMentions.Count - 1; k >= 0 && countryMentions[k].Token >= from; k--)
                    {
                        if (countryMentions[k].Token < start)
                        {
                            country = countryMentions[k].Iso;
                            break;
                        }
                    }

                    d.CountryFromContext = country is not null;
                }

                d.Country ??= country;
                mentions.Add(new ActorMention(e.Span, d.Id, "name"));
            }
        }

        // "Chancellor Gordon Brown": a title's usual country (Germany) yields to the nationality the leaders gazetteer
        // knows for the full name, in or out of office on the article's date.
        foreach (var d in drafts.Where(d => d.Type == EntityLabels.Person && d.CountryFromRoleDefault && d.FixedCode is null))
        {
            if (_known.FindByFullName(d.Name, d.Aliases, date) is { Country: { } nationality } && nationality != d.Country)
            {
                d.Country = nationality;
                d.CountryFromRoleDefault = false;
            }
        }

        // A state office with no country in its sentence ("the president, Milorad Dodik" in a story about Bosnia) takes
        // the country the story names most often, when one country clearly dominates (named at least twice, more than any
        // other). Business, church and international titles do not.
        // Named countries and the countries of the organisations named: a British politics story that mentions "the Iraq
        // war" twice but Labour, the BBC and the Conservatives throughout is about Britain.
        // A named country counts twice an organisation's mention, so that organisations decide only what the names leave open.
        var byCountry = countryMentions.Select(c => (c.Iso, Weight: 2)).Concat(storyEvidence.Select(c => (Iso: c, Weight: 1))).GroupBy(c => c.Iso)
            .Select(g => (Iso: g.Key, Count: g.Sum(x => x.Weight))).OrderByDescending(g => g.Count).ToList();
        var storyCountry = byCountry.Count > 0 && byCountry[0].Count >= 4 && (byCountry.Count == 1 || byCountry[1].Count < byCountry[0].Count)
            ? byCountry[0].Iso : null;
        if (storyCountry is not null)
        {
            foreach (var d in drafts.Where(d => d.Type == EntityLabels.Person && d.Role is not null && d.Country is null && d.FixedCode is null
                && d.Sector is "GOV" or "MIL" or "LEG" or "JUD" or "COP" or "OPP"))
            {
                d.Country = storyCountry;
                d.CountryFromContext = true;
            }

            // "Chancellor Gordon Brown" in a story about Britain that never names Germany: the title's default country
            // yields to the one the story is about.
            foreach (var d in drafts.Where(d => d.CountryFromRoleDefault && d.Country is { } c && c != storyCountry && countryMentions.All(x => x.Iso != c)))
            {
                d.Country = storyCountry;
                d.CountryFromContext = true;
            }
        }

        Canonicalize(drafts, date);
        FillFromLeaders(drafts, date);

        // A person named with no title and no country at all, whom the leaders gazetteer does not know either ("Dodik
        // rejected the arrest warrant" in a story about Bosnia), is taken to be of the country the story is about, with
        // no sector: news introduces foreigners by their nationality or title, and people it does not qualify are mostly
        // its own country's. Not a person the text ties to an organisation or a place ("Peter Hansen, the United Nations
        // relief coordinator", "Liberty's Shami Chakrabarti"): the coder finds that actor beside the name.
        if (storyCountry is not null)
        {
            var entityStarts = entities.Where(e => e.Label != EntityLabels.Person).Select(e => TokenAt(e.Span.Start)).ToHashSet();
            bool Qualified(Draft d) => mentions.Where(m => m.ActorId == d.Id).Any(m =>
            {
                var first = TokenAt(m.Span.Start);
                var last = first;
                while (last + 1 < tokens.Length && tokens[last + 1].End <= m.Span.End)
                {
                    last++;
                }

                if (first >= 2 && words[first - 1] is "'s" or "’s" && entityStarts.Any(k => k >= first - 6 && k < first - 1))
                {
                    return true;
                }

                // "X of/from/at ORG", or an apposition that is a noun phrase ("X, the ORG …", "X, from ORG", "X (ORG)"), not
                // a clause ("X, who …").
                var j = last + 1 < words.Length && words[last + 1] is "," or "(" ? last + 2 : last + 1;
                var next = j < words.Length ? words[j].ToLowerInvariant() : "";
                if (next is "of" or "from" or "at" || (j == last + 2 && (entityStarts.Contains(j) || next is "the" or "a" or "an")))
                {
                    for (var k = j; k < Math.Min(words.Length, j + 8) && words[k] is not ("," or "." or ")" or ";"); k++)
                    {
                        if (entityStarts.Contains(k))
                        {
                            return true;
                        }
                    }
                }

                return false;
            });
            // The guess is the actor's code only, not its country: the entity store records the nationality the text
            // states, and joins a person without one to the coded namesake of other articles whatever order they come in.
            foreach (var d in drafts.Where(d => d.Type == EntityLabels.Person && d.Role is null && d.Country is null && d.FixedCode is null && !Qualified(d)))
            {
                d.FixedCode = storyCountry;
            }
        }

        // A spokesperson, aide or envoy of a coded actor speaks for that actor: "Guterres' spokesman" is the UN's,
        // "Putin's spokesman" Russia's government.
        foreach (var d in drafts.Where(d => d.SpeaksFor is { } boss && boss != d && d.FixedCode is null))
        {
            var boss = d.SpeaksFor!;
            if (boss.FixedCode is { } code)
            {
                d.FixedCode = code;
            }
            else if (boss.Country is { } country && (d.Country is null || d.CountryFromContext || d.CountryFromRoleDefault))
            {
                d.Country = country;
                d.Sector ??= boss.Sector;
                d.CountryFromContext = false;
            }
        }

        // Role nouns that stand for someone already named: "the top government spokesman", "the prime minister".
        var people = drafts.Where(d => d.Type == EntityLabels.Person && d.Role is not null).ToList();
        for (var i = 0; i < words.Length; i++)
        {
            if (!string.Equals(words[i], "the", StringComparison.OrdinalIgnoreCase) || people.Count == 0)
            {
                continue;
            }

            var (role, length) = RoleAt(words, i + 1);
            if (role is null || entities.Any(e => e.Span.Overlaps(new TextSpan(tokens[i].Start, tokens[i + length].End))))
            {
                continue;
            }

            var holder = people.LastOrDefault(p => p.Role == role.Title && tokens[i].Start > 0);
            if (holder is not null)
            {
                mentions.Add(new ActorMention(new TextSpan(tokens[i].Start, tokens[i + length].End), holder.Id, "role"));
            }
        }

        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return ([.. drafts.Select(d => d.ToActor())], [.. mentions]);
    }

    /// <summary>
    /// People the leaders gazetteer knows by their full name, in either order ("Ishiba Shigeru" as Japanese media write
    /// it): the gazetteer's spelling becomes the name, so every article's actor links to one entity, and its country
    /// replaces a country that was only guessed from the sentence ("… seek to improve ties under President Lee Jae
    /// Myung" after "Japanese …"). A country the text states for the person stays. A one-word name with a stated
    /// country ("South Korea's President Lee") becomes the full name of that country's leader of that name in office.
    /// </summary>
    private void Canonicalize(List<Draft> drafts, DateOnly? date)
    {
        var people = drafts.Where(d => d.Type == EntityLabels.Person && d.FixedCode is null).ToList();
        foreach (var d in people)
        {
            var full = d.Name.Contains(' ', StringComparison.Ordinal);
            // A one-word name ("South Korea's President Lee") takes the full name only from a leader of its stated
            // country in office on the date, and only when no other person in the article has that word in their name.
            var k = full
                ? _known.FindByFullName(d.Name, d.Aliases, date)
                : d.Country is { } country && !d.CountryFromContext && date is { } day && d.Role is not null
                    && !people.Any(o => o != d && o.NameParts.Contains(d.Name, StringComparer.OrdinalIgnoreCase))
                    ? _known.FindInOffice(d.Name, country, day)
                    : null;
            if (k is null)
            {
                continue;
            }

            if (!string.Equals(d.Name, k.Person, StringComparison.Ordinal))
            {
                d.Aliases.Add(d.Name);
                d.Name = k.Person;
            }

            if (d.CountryFromContext && k.Country is not null && k.Country != d.Country)
            {
                d.Country = k.Country;
                d.CountryFromContext = false;
            }
        }
    }

    /// <summary>Leaders named without a title or country ("Putin offered talks"): see <see cref="KnownPeople"/>. A title in the text wins.</summary>
    private void FillFromLeaders(List<Draft> drafts, DateOnly? date)
    {
        var people = drafts.Where(d => d.Type == EntityLabels.Person).ToList();
        foreach (var d in people.Where(d => d.FixedCode is null && (d.Country is null || d.Role is null)))
        {
            var k = _known.Find(d.Name, d.Aliases, date, [.. people.Where(o => o != d).Select(o => o.Name)]);
            if (k is null || (d.Country is not null && d.Country != k.Country))
            {
                continue;
            }

            if (d.Role is null)
            {
                (d.Role, d.Sector) = (k.Role, k.Sector);
            }

            d.Country ??= k.Country;
            d.FixedCode ??= d.Country is null ? k.FixedCode : null;
        }
    }

    private bool TryMetonym(string surface, out string iso, out string sector)
    {
        if (lexicon.Metonyms.TryGetValue(surface, out var m))
        {
            (iso, sector) = m;
            return true;
        }

        (iso, sector) = (string.Empty, string.Empty);
        return false;
    }

    private static bool SameName(Draft d, string[] parts)
    {
        var known = d.NameParts;
        return parts.All(p => known.Contains(p, StringComparer.Ordinal)) || known.All(k => parts.Contains(k, StringComparer.Ordinal));
    }

    /// <summary>The longest title ending right before <paramref name="nameToken"/> (modifiers skipped), and a country before it.</summary>
    private (ActorLexicon.Role? Role, string? Country, int? Start) TitleBefore(string[] words, int nameToken)
    {
        var end = nameToken;
        while (end > 0 && Modifiers.Contains(words[end - 1]) && !string.Equals(words[end - 1], "the", StringComparison.OrdinalIgnoreCase))
        {
            end--;
        }

        for (var n = Math.Min(lexicon.LongestRoleWords, end); n >= 1; n--)
        {
            var phrase = string.Join(' ', words[(end - n)..end]).ToLowerInvariant();
            if (lexicon.Roles.TryGetValue(phrase, out var role))
            {
                var start = end - n;
                if (ShadowBefore(words, start) is { } shadow)
                {
                    // "shadow home secretary", "Tory shadow local government secretary X": a post in the opposition's
                    // shadow cabinet, which Westminster systems have (Britain first), not an office of state.
                    return (role with { Title = "Shadow " + role.Title, Sector = "OPP", Country = "GBR" }, CountryBefore(words, shadow), shadow);
                }

                return (role, CountryBefore(words, start), start);
            }
        }

        return (null, null, null);
    }

    /// <summary>The position of "shadow" among the few words before a title (its portfolio may come between), or null.</summary>
    private static int? ShadowBefore(string[] words, int titleStart)
    {
        for (var k = titleStart - 1; k >= Math.Max(0, titleStart - 4); k--)
        {
            if (string.Equals(words[k], "shadow", StringComparison.OrdinalIgnoreCase))
            {
                return k;
            }

            if (words[k] is "," or "." or "the" or "The" || (char.IsUpper(words[k][0]) && k < titleStart - 1))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// A title in apposition to the name, read off the dependency tree: the name's head word is an <c>appos</c> of a
    /// title noun, or has one ("X, the country's foreign minister"). The title's own words (with its compound and
    /// adjective modifiers) must be a role the lexicon knows; its country comes from a demonym or possessive before it.
    /// </summary>
    private (ActorLexicon.Role? Role, string? Country, int? Start) TitleInApposition(string[] words, ImmutableArray<TokenSyntax> tree, int first, int last)
    {
        var head = -1;
        for (var i = first; i <= last && i < tree.Length; i++)
        {
            if (tree[i].Head < first || tree[i].Head > last)
            {
                head = i;
                break;
            }
        }

        if (head < 0)
        {
            return (null, null, null);
        }

        var candidates = new List<int>();
        if (tree[head].Relation == "appos" && tree[head].Head >= 0)
        {
            candidates.Add(tree[head].Head);
        }

        for (var k = last + 1; k < tree.Length && k < last + 12; k++)
        {
            if (tree[k].Relation == "appos" && tree[k].Head == head)
            {
                candidates.Add(k);
            }
        }

        foreach (var title in candidates)
        {
            if (tree[title].Upos != "NOUN")
            {
                continue;
            }

            var start = title;
            while (start > 0 && tree[start - 1].Head == title && tree[start - 1].Relation is "compound" or "amod")
            {
                start--;
            }

            for (var from = start; from <= title; from++)
            {
                var phrase = string.Join(' ', words[from..(title + 1)]).ToLowerInvariant();
                if (lexicon.Roles.TryGetValue(phrase, out var role))
                {
                    return (role, CountryBefore(words, from) ?? CountryOf(words, tree, title), from);
                }
            }
        }

        return (null, null, null);
    }

    /// <summary>The country a title noun's "of X" or possessive modifier names ("the president of Kenya").</summary>
    private string? CountryOf(string[] words, ImmutableArray<TokenSyntax> tree, int title)
    {
        for (var k = 0; k < tree.Length; k++)
        {
            if (tree[k].Head == title && tree[k].Relation is "nmod" or "nmod:poss"
                && (lexicon.PlaceCountry.TryGetValue(words[k], out var iso) || lexicon.DemonymCountry.TryGetValue(words[k], out iso)))
            {
                return iso;
            }
        }

        return null;
    }

    /// <summary>"Japanese", "South Korean", "U.S.", "Japan 's", "South Korea 's" right before a title.</summary>
    private string? CountryBefore(string[] words, int titleStart)
    {
        var p = titleStart;
        while (p > 0 && Modifiers.Contains(words[p - 1]) && !string.Equals(words[p - 1], "the", StringComparison.OrdinalIgnoreCase))
        {
            p--;
        }

        if (p > 0 && words[p - 1] is "'s" or "’s")
        {
            p--;
        }

        for (var n = Math.Min(4, p); n >= 1; n--)
        {
            var phrase = string.Join(' ', words[(p - n)..p]);
            if (lexicon.DemonymCountry.TryGetValue(phrase, out var iso) || lexicon.PlaceCountry.TryGetValue(phrase, out iso))
            {
                return iso;
            }

            // "Tory leader Michael Howard", "Labour MP X": a national party or body before the title is the country's.
            if (lexicon.Organizations.TryGetValue(phrase, out var org) && org.Country is { Length: 3 } orgCountry)
            {
                return orgCountry;
            }
        }

        return null;
    }

    private (ActorLexicon.Role? Role, int Length) RoleAt(string[] words, int start)
    {
        for (var n = Math.Min(lexicon.LongestRoleWords, words.Length - start); n >= 1; n--)
        {
            var phrase = string.Join(' ', words[start..(start + n)]);
            if (lexicon.Roles.TryGetValue(phrase.ToLowerInvariant(), out var role) && phrase.Any(char.IsLower))
            {
                return (role, n);
            }
        }

        return (null, 0);
    }

    private static Draft? PredecessorOf(string[] words, int nameToken, List<Draft> drafts, string text, ImmutableArray<TextSpan> tokens, ImmutableArray<EntityMention> entities)
    {
        if (nameToken < 3 || !words[nameToken - 1].StartsWith("predecessor", StringComparison.OrdinalIgnoreCase) || words[nameToken - 2] is not ("'s" or "’s"))
        {
            return null;
        }

        var ownerEnd = tokens[nameToken - 2].Start;
        var owner = entities.LastOrDefault(e => e.Label == EntityLabels.Person && e.Span.End == ownerEnd);
        if (owner is null)
        {
            return null;
        }

        var surface = text[owner.Span.Start..owner.Span.End].Split(' ');
        return drafts.LastOrDefault(d => d.Type == EntityLabels.Person && SameName(d, surface));
    }
}
