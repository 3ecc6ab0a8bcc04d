using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Events;

/// <summary>
/// A stretch of tokens that names someone who can act in an event: a resolved actor mention ("Shigeru Ishiba",
/// "South Korea"), a group ("Senior Hungarian officials", "rebels in the Ivory Coast", "Israel's cabinet"), a people
/// ("Palestinians") or a bare demonym before a noun ("an Indian proposal"). <see cref="Code"/> is null when the text
/// names no country or body ("the rebels").
/// </summary>
internal sealed record ActorPhrase(int Start, int End, string? Code, string? ActorId, string Kind, bool Crowd)
{
    /// <summary>The sector the words give ("officials" → GOV) when no country or body is named, so the sentence's country can complete it.</summary>
    public string? Sector { get; init; }

    /// <summary>"its troops", "their forces": a group owned by an actor named elsewhere, never the target of that actor's act.</summary>
    public bool Owned { get; init; }

    public const string Person = "person";
    public const string Group = "group";
    public const string Place = "place";
    public const string Organization = "org";
    public const string People = "people";
    public const string Pronoun = "pronoun";
}

/// <summary>Finds <see cref="ActorPhrase"/>s over a document's tokens from its actor mentions, demonyms and agent nouns.</summary>
internal sealed class ActorPhraseFinder(ActorLexicon actors, EventLexicon events)
{
    /// <summary>First words (as written) of organisation names and of demonyms, so most tokens cost one set lookup.</summary>
    private readonly FrozenSet<string> _orgFirstWords = actors.Organizations.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenSet<string> _demonymFirstWords = actors.DemonymCountry.Keys.Concat(actors.AmbiguousDemonyms.Keys)
        .Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);

    private readonly Actors.KnownPeople _people = new(actors, Leaders.Default);

    /// <summary>Every word (lower case) of a leader's name or alias, so most tokens skip the gazetteer.</summary>
    private readonly FrozenSet<string> _leaderWords = Leaders.Default.ByWord.Keys.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>First words (lower case) of titles of two or more words ("foreign minister", "chief cabinet secretary").</summary>
    private readonly FrozenSet<string> _roleFirstWords = actors.Roles.Keys.Where(k => k.Contains(' ', StringComparison.Ordinal)).Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that may stand between a country and an agent noun ("Israeli security forces", "Afghan rebel leaders").</summary>
    private static readonly FrozenSet<string> Modifiers = new[]
    {
        "senior", "top", "main", "young", "angry", "ethnic", "local", "foreign", "armed", "radical", "former", "exiled", "striking",
        "hard-line", "hardline", "moderate", "state-run", "state-owned", "pro-government", "anti-government", "islamist", "muslim",
        "moslem", "christian", "jewish", "shiite", "sunni", "kurdish", "traditional", "new", "interim", "military", "civilian",
        "paper", "nationalist", "fundamentalist", "fundamentalists", "university", "elderly", "two", "three", "some", "many", "vice", "deputy", "acting",
        "chief", "defence", "defense", "foreign", "interior", "finance",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> CrowdCodes = new[] { "CVL", "OPP", "LAB", "EDU", "REB", "REF", "AGR", "UAF" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AttachPrepositions = new[] { "in", "of", "from", "throughout", "across" }.ToFrozenSet(StringComparer.Ordinal);

    /// <param name="extraNamed">Adds or replaces named phrases before groups are built (bring-your-own dictionaries, Events/Petrarch).</param>
    public List<ActorPhrase> Find(string text, ImmutableArray<TextSpan> tokens, string[] words, ImmutableArray<Actor> actorList, ImmutableArray<ActorMention> mentions,
        Action<List<ActorPhrase>>? extraNamed = null, DateOnly? date = null, bool leaders = true)
    {
        var byId = actorList.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var named = new List<ActorPhrase>();
        foreach (var m in mentions)
        {
            var (s, e) = TokenRange(tokens, m.Span);
            if (s >= e || !byId.TryGetValue(m.ActorId, out var a))
            {
                continue;
            }

            var kind = a.Type switch
            {
                EntityLabels.Person => ActorPhrase.Person,
                EntityLabels.Org => ActorPhrase.Organization,
                _ => ActorPhrase.Place,
            };
            var code = a.Code ?? a.Country;
            if (code is null && kind == ActorPhrase.Organization)
            {
                // "Hizbollah (Party of": a tagger span that runs past a known name is that name; else a place inside the name.
                code = KnownOrganizationPrefix(text, tokens, s, e, date) ?? CountryInside(text, tokens, s, e);
            }

            var sector = a.Role is { } role && actors.Roles.TryGetValue(role.ToLowerInvariant(), out var r) && r.Sector is { Length: >= 3 } sec ? sec[..3] : null;
            named.Add(new ActorPhrase(s, e, code, a.Id, kind, false) { Sector = sector });
        }

        extraNamed?.Invoke(named);
        var covered = new bool[words.Length];
        void Cover(ActorPhrase p)
        {
            for (var k = p.Start; k < p.End; k++)
            {
                covered[k] = true;
            }
        }

        named.ForEach(Cover);

        // Organisations the recogniser missed ("Hezbollah guerrillas"): the gazetteer's names, as written.
        for (var i = 0; i < words.Length; i++)
        {
            if (covered[i] || !_orgFirstWords.Contains(text[tokens[i].Start..tokens[i].End]) || !text.AsSpan(tokens[i].Start, tokens[i].Length).ContainsAnyInRange('A', 'Z'))
            {
                continue;
            }

            for (var n = Math.Min(6, words.Length - i); n >= 1; n--)
            {
                if (actors.OrganizationIn(text[tokens[i].Start..tokens[i + n - 1].End], text) is { } org && !covered.AsSpan(i, n).Contains(true))
                {
                    var phrase = new ActorPhrase(i, i + n, org.CodeOn(date), null, ActorPhrase.Organization, false);
                    named.Add(phrase);
                    Cover(phrase);
                    i += n - 1;
                    break;
                }
            }
        }

        // Leaders the recogniser missed ("Putin offered to negotiate …" opens a sentence, where the tagger often misses a
        // name): a capitalised name or surname the leaders gazetteer codes unambiguously for the article's date.
        if (leaders)
        {
            var others = actorList.Where(a => a.Type == EntityLabels.Person).Select(a => a.Name).ToList();
            for (var i = 0; i < words.Length; i++)
            {
                if (covered[i] || !char.IsUpper(text[tokens[i].Start]) || !_leaderWords.Contains(words[i]))
                {
                    continue;
                }

                for (var n = Math.Min(3, words.Length - i); n >= 1; n--)
                {
                    if (covered.AsSpan(i, n).Contains(true) || !char.IsUpper(text[tokens[i + n - 1].Start]))
                    {
                        continue;
                    }

                    var surface = text[tokens[i].Start..tokens[i + n - 1].End];
                    if (n == 1 && i + 1 < words.Length && words[i + 1] is "administration" or "government" or "regime" or "cabinet"
                        && _people.Find(surface, [], date, others) is null && _people.SharedCountry(surface) is { } home)
                    {
                        // "the Bush administration" on a day neither Bush was in office: still the United States' government.
                        var government = new ActorPhrase(i, i + 1, home, null, ActorPhrase.Person, false);
                        named.Add(government);
                        Cover(government);
                        break;
                    }

                    if (_people.Find(surface, [], date, others) is { Country: { } country } coding)
                    {
                        var sector = coding.Sector is { Length: >= 3 } sec ? sec[..3] : string.Empty;
                        var phrase = new ActorPhrase(i, i + n, coding.FixedCode ?? country + sector, null, ActorPhrase.Person, false);
                        named.Add(phrase);
                        Cover(phrase);
                        i += n - 1;
                        break;
                    }
                }
            }
        }

        // Demonyms are not actor mentions ("Hungarian", "South Korean"); a plural one used as a noun is a people.
        for (var i = 0; i < words.Length; i++)
        {
            if (covered[i] || !char.IsUpper(text[tokens[i].Start]) || !_demonymFirstWords.Contains(text[tokens[i].Start..tokens[i].End]))
            {
                continue;
            }

            for (var n = Math.Min(2, words.Length - i); n >= 1; n--)
            {
                var phrase = n == 1 ? text[tokens[i].Start..tokens[i].End] : text[tokens[i].Start..tokens[i + n - 1].End];
                if ((actors.DemonymCountry.TryGetValue(phrase, out var iso) || (iso = AmbiguousCountry(phrase, named)) is not null) && char.IsUpper(phrase[0])
                    && !(i + n < words.Length && words[i + n] is "language" or "languages" or "-speaking" or "speakers" or "cuisine" or "descent" or "gulf")
                    && !DescribesPerson(text, tokens, named, i + n))
                {
                    if (i > 0 && words[i - 1] == "ethnic")
                    {
                        // "ethnic Albanians in Serbia": a people, not the state; the place the sentence names gives the country.
                        named.Add(new ActorPhrase(i - 1, i + n, null, null, ActorPhrase.Group, true) { Sector = "CVL" });
                        i += n - 1;
                        break;
                    }

                    var plural = phrase.EndsWith('s') && !actors.DemonymCountry.ContainsKey(phrase + "s")
                        && i + n < words.Length && !IsNounLike(text, tokens, i + n);
                    named.Add(plural
                        ? new ActorPhrase(i, i + n, iso + "CVL", null, ActorPhrase.People, true)
                        : new ActorPhrase(i, i + n, iso, null, ActorPhrase.People, false));
                    i += n - 1;
                    break;
                }
            }
        }

        named.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new List<ActorPhrase>();
        var consumed = new HashSet<ActorPhrase>();
        for (var i = 0; i < words.Length; i++)
        {
            var (agent, end) = AgentAt(words, i);
            if (agent is null || covered[i])
            {
                continue;
            }

            // A title right before a name belongs to the named person ("President Lee").
            if (named.Any(n => n.Start == end && n.Kind == ActorPhrase.Person))
            {
                continue;
            }

            // "military government", "civilian government": the first word only says what kind of government.
            if (Modifiers.Contains(words[i]) && AgentAt(words, end) is { Agent: not null } head)
            {
                (agent, end) = head;
            }

            // A chain of agent nouns is one group; the first says what kind ("rebel leaders" are rebels).
            while (AgentAt(words, end) is { Agent: not null } next)
            {
                end = next.End;
            }

            var p = i;
            var skipped = 0;
            while (p > 0 && skipped < 2 && Modifiers.Contains(words[p - 1]))
            {
                p--;
                skipped++;
            }

            var owner = named.LastOrDefault(n => n.End == p || (n.End == p - 1 && words[p - 1] is "'s" or "’s"));
            if (owner is not null && owner.Kind != ActorPhrase.Pronoun)
            {
                consumed.Add(owner);
                result.Add(new ActorPhrase(owner.Start, end, Compose(owner, agent.Code), owner.ActorId, ActorPhrase.Group, CrowdCodes.Contains(agent.Code)));

                // "Hungarian and Romanian officials": the first country's officials too.
                var sibling = named.LastOrDefault(n => n.End == owner.Start - 1 && words[owner.Start - 1] is "and" or "," && n.Kind is ActorPhrase.People or ActorPhrase.Place);
                if (sibling is not null)
                {
                    consumed.Add(sibling);
                    result.Add(new ActorPhrase(sibling.Start, sibling.End, Compose(sibling, agent.Code), sibling.ActorId, ActorPhrase.Group, CrowdCodes.Contains(agent.Code)));
                }

                i = end - 1;
                continue;
            }

            // "its forces in Lebanon": a possessive names the owner elsewhere, so the place after is not the group's country.
            var owned = p > 0 && words[p - 1] is "its" or "their" or "his" or "her" or "our";
            var after = !owned && end < words.Length && AttachPrepositions.Contains(words[end]) ? end + 1 : -1;
            if (after > 0 && after < words.Length && words[after] == "the")
            {
                after++;
            }

            var place = after > 0 ? named.FirstOrDefault(n => n.Start == after && n.Kind is ActorPhrase.Place or ActorPhrase.Organization) : null;
            if (place is not null)
            {
                consumed.Add(place);
                result.Add(new ActorPhrase(p, place.End, Compose(place, agent.Code), place.ActorId, ActorPhrase.Group, CrowdCodes.Contains(agent.Code)));
                i = place.End - 1;
                continue;
            }

            var bare = agent.Code.Length > 3 || agent.Code is "IGO" or "NGO" ? agent.Code : null;
            result.Add(new ActorPhrase(p, end, bare, null, ActorPhrase.Group, CrowdCodes.Contains(agent.Code)) { Sector = bare is null ? agent.Code[..3] : null, Owned = owned });
            i = end - 1;
        }

        // "near the Cameroon border", "the Afghan frontier": a country that only says which border is a place, no actor.
        result.AddRange(named.Where(n => !consumed.Contains(n) && !result.Any(r => r.Start <= n.Start && n.End <= r.End) && !NamesBorder(words, n)));
        result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return result;
    }

    private static bool NamesBorder(string[] words, ActorPhrase p) =>
        (p.Kind is ActorPhrase.Place or ActorPhrase.People) && p.End < words.Length
        && words[p.End] is "border" or "borders" or "frontier" or "border-crossing" or "border-crossings";

    private static string? Compose(ActorPhrase owner, string agentCode)
    {
        if (owner.Code is null)
        {
            return null;
        }

        // An organisation's own code wins ("Red Cross officials"); a country takes the agent's sector ("Israeli troops" → ISRMIL).
        if (owner.Kind == ActorPhrase.Organization || owner.Code.Length > 3 && owner.Kind != ActorPhrase.People)
        {
            return owner.Kind == ActorPhrase.Person ? owner.Code[..3] + agentCode : owner.Code;
        }

        var country = owner.Code.Length >= 3 ? owner.Code[..3] : owner.Code;
        return agentCode switch
        {
            "IGOMIL" => country + "MIL",
            "IGO" => country + "GOV",
            _ => country + agentCode,
        };
    }

    private (EventLexicon.Agent? Agent, int End) AgentAt(string[] words, int i)
    {
        if (i >= words.Length)
        {
            return (null, i);
        }

        for (var n = _roleFirstWords.Contains(words[i]) ? Math.Min(actors.LongestRoleWords, words.Length - i) : 0; n >= 2; n--)
        {
            if (actors.Roles.TryGetValue(string.Join(' ', words, i, n), out var role) && role.Sector is { Length: >= 3 } sector)
            {
                return (new EventLexicon.Agent(words[i..(i + n)], sector[..3]), i + n);
            }
        }

        foreach (var agent in events.AgentsStartingWith(words[i]))
        {
            if (i + agent.Words.Length > words.Length)
            {
                continue;
            }

            var ok = true;
            for (var k = 1; k < agent.Words.Length && ok; k++)
            {
                ok = words[i + k] == agent.Words[k];
            }

            if (ok)
            {
                return (agent, i + agent.Words.Length);
            }
        }

        return (null, i);
    }

    /// <summary>"South Korean President Lee Jae Myung": a demonym that opens a title before a named person is part of that person's description.</summary>
    private static bool DescribesPerson(string text, ImmutableArray<TextSpan> tokens, List<ActorPhrase> named, int after)
    {
        for (var k = after; k < Math.Min(tokens.Length, after + 4); k++)
        {
            if (named.Any(p => p.Start == k && p.Kind == ActorPhrase.Person))
            {
                return k > after;
            }

            if (!char.IsUpper(text[tokens[k].Start]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// An ambiguous demonym ("Congolese", "Hutu", "Druze") takes the one candidate country the document names elsewhere
    /// ("Hutu rebels … Burundi's government" → BDI), else its default (ambiguous_demonyms.tsv), else none.
    /// </summary>
    private string? AmbiguousCountry(string phrase, List<ActorPhrase> named)
    {
        if (!actors.AmbiguousDemonyms.TryGetValue(phrase, out var entry))
        {
            return null;
        }

        var inDocument = entry.Candidates.Where(c => named.Any(n => n.Code is { Length: >= 3 } code && code.StartsWith(c, StringComparison.Ordinal))).ToList();
        return inDocument.Count == 1 ? inDocument[0] : entry.Default.Length == 3 ? entry.Default : null;
    }

    /// <summary>The code of a gazetteer organisation whose name opens the span and is shorter than it ("Hizbollah (Party of").</summary>
    private string? KnownOrganizationPrefix(string text, ImmutableArray<TextSpan> tokens, int s, int e, DateOnly? date)
    {
        if (!_orgFirstWords.Contains(text[tokens[s].Start..tokens[s].End]))
        {
            return null;
        }

        for (var n = Math.Min(6, e - s - 1); n >= 1; n--)
        {
            if (actors.OrganizationIn(text[tokens[s].Start..tokens[s + n - 1].End], text) is { } org)
            {
                return org.CodeOn(date);
            }
        }

        return null;
    }

    /// <summary>
    /// The country of a place or demonym inside an organisation's name ("Baghdad University Medical School" → IRQ), with
    /// the sector of the first agent noun after it when there is one ("Nigerian Union of Nurses" → NGA + LAB).
    /// </summary>
    private string? CountryInside(string text, ImmutableArray<TextSpan> tokens, int s, int e)
    {
        for (var i = s; i < e; i++)
        {
            var w = text[tokens[i].Start..tokens[i].End];
            if (actors.PlaceCountry.TryGetValue(w, out var iso) || actors.DemonymCountry.TryGetValue(w, out iso))
            {
                for (var j = i + 1; j < e; j++)
                {
                    if (events.AgentsStartingWith(text[tokens[j].Start..tokens[j].End].ToLowerInvariant()).FirstOrDefault(a => a.Words.Length == 1) is { } agent)
                    {
                        return iso + agent.Code;
                    }
                }

                return iso;
            }
        }

        return null;
    }

    /// <summary>A lower-case word that is not a verb-like function word: "Indian proposal" (noun) vs "Palestinians reject".</summary>
    private static bool IsNounLike(string text, ImmutableArray<TextSpan> tokens, int i)
    {
        var w = text[tokens[i].Start..tokens[i].End];
        return w.Length > 0 && char.IsLower(w[0]) && !w.EndsWith("ed", StringComparison.Ordinal) && w is not ("and" or "or" or "are" or "have" or "were" or "on" or "in" or "at" or "said" or "say" or "says" or "who" or "will" or "would" or "to" or "of");
    }

    internal static (int Start, int End) TokenRange(ImmutableArray<TextSpan> tokens, TextSpan span)
    {
        var s = LowerBound(tokens, span.Start);
        var e = s;
        while (e < tokens.Length && tokens[e].Start < span.End)
        {
            e++;
        }

        return (s, e);
    }

    internal static int LowerBound(ImmutableArray<TextSpan> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
