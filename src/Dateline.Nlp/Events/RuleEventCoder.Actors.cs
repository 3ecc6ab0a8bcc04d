using System.Collections.Frozen;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Events;

/// <summary>
/// Who acts on whom: clause boundaries, subjects (appositives, compounds, pronouns, quote speakers, passives), objects,
/// reported demands, and coding a phrase as a participant (a country completed from the sentence, former office-holders).
/// </summary>
public sealed partial class RuleEventCoder
{
    private static readonly FrozenSet<string> BeForms = new[] { "is", "are", "was", "were", "been", "being", "be", "'s", "’s", "got", "get", "gets" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Prepositions = new[]
    {
        "of", "in", "from", "for", "with", "to", "at", "by", "on", "near", "into", "against", "between", "about", "over", "under", "toward", "towards",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Sectors whose actors act within their own country (CAMEO's domestic actors): courts, police, legislatures, crowds.</summary>
    private static readonly FrozenSet<string> HomeSectors = new[] { "JUD", "COP", "LEG", "CVL", "OPP", "LAB", "EDU", "REB", "REF", "AGR" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FirstPerson = new[] { "i", "we", "us", "our", "me", "my" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"former", "ex-", "ousted" within the title words right before a phrase ("Former Socialist prime minister X").</summary>
    private static bool FormerBefore(string[] words, int start)
    {
        for (var k = start - 1; k >= Math.Max(0, start - 5); k--)
        {
            if (words[k] is "former" or "ex" or "ousted" or "exiled" or "deposed")
            {
                return true;
            }

            if (words[k] is "," or "." or ";" or "and" or "the" or "a")
            {
                return false;
            }
        }

        return false;
    }

    private static string CountryOf(string? code) => code is { Length: >= 3 } ? code[..3] : code ?? string.Empty;

    /// <summary>The trigger follows "and"/"but" with only auxiliaries between: a verb coordinated with the previous one.</summary>
    private static bool CoordinatedVerb(string[] words, int s, int trigger)
    {
        var k = trigger - 1;
        while (k > s && Auxiliaries.Contains(words[k]))
        {
            k--;
        }

        return k > s && words[k] is "and" or "but";
    }

    private static readonly FrozenSet<string> Weapons = new[]
    {
        "bomb", "bombs", "bombing", "bombings", "explosion", "explosions", "blast", "blasts", "landmine", "landmines", "mine", "mines",
        "grenade", "grenades", "rocket", "rockets", "mortar", "mortars", "shell", "shells", "shelling", "missile", "missiles", "explosives",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"A roadside bomb near the town of X killed …": a weapon with no attacker named, as the clause's subject.</summary>
    private static int? WeaponSubject(string[] words, int clauseStart, int trigger)
    {
        for (var k = clauseStart; k < trigger; k++)
        {
            if (Prepositions.Contains(words[k]) || words[k] is "," or "and")
            {
                return null;
            }

            if (Weapons.Contains(words[k]))
            {
                return k;
            }
        }

        return null;
    }

    private static bool Allowed(EventPattern p, List<ActorPhrase> sources) =>
        (!p.CrowdOnly || sources.Any(x => x.Crowd || x.Kind == ActorPhrase.People)) && (!p.StateOnly || !sources.Any(x => x.Crowd));

    private static bool IsPassive(string[] words, int s, int trigger)
    {
        var w = words[trigger];
        if (!(w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("en", StringComparison.Ordinal) || w is "held" or "met" or "shot" or "beaten" or "struck" or "hit" or "cut" or "put" or "set" or "freed" or "seized"))
        {
            return false;
        }

        // "Japanese nationals abducted by North Korea": a participle with its agent, no "be".
        if (trigger + 1 < words.Length && words[trigger + 1] == "by" && trigger > s && !Auxiliaries.Contains(words[trigger - 1]))
        {
            return true;
        }

        for (var k = trigger - 1; k >= Math.Max(s, trigger - 3); k--)
        {
            if (BeForms.Contains(words[k]))
            {
                return true;
            }

            if (words[k] is not ("not" or "also" or "reportedly" or "allegedly" or "being" or "been" or "n't" or "routinely" or "again"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Where the trigger's clause starts: after the last clause breaker, complementiser or reporting verb before it.</summary>
    private static int ClauseStart(string[] words, int s, int trigger)
    {
        for (var k = trigger - 1; k >= s; k--)
        {
            if (words[k] == ")" && ParenthesisOpen(words, s, k) is var open && open >= 0)
            {
                // "The Nurses' Union (NUN) said", "Hezbollah (Party of God) declared": a gloss in brackets is no clause break.
                k = open;
                continue;
            }

            if (ClauseBreakers.Contains(words[k]) || words[k] is "that" or "whether" or "because" or "while" or "after" or "before" or "since" or "when" or "unless" or "if"
                || (ReportingVerbs.Contains(words[k]) && k < trigger - 1))
            {
                return k + 1;
            }
        }

        return s;
    }

    /// <summary>The "(" of a short bracketed gloss (at most six words, no clause inside) that closes at <paramref name="close"/>; -1 if none.</summary>
    private static int ParenthesisOpen(string[] words, int s, int close)
    {
        for (var k = close - 1; k >= Math.Max(s, close - 7); k--)
        {
            if (words[k] == "(")
            {
                return k;
            }

            if (words[k] is ")" or "," or ";" or ":" || ReportingVerbs.Contains(words[k]))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The reporting subject when the trigger sits in "X said (that) Y must/should …".</summary>
    private static ActorPhrase? DemandingSpeaker(Context c, int s, int clauseStart, int trigger, bool force = false)
    {
        var words = c.Words;
        var modal = force;
        for (var k = clauseStart; k < trigger; k++)
        {
            modal |= DemandWords.Contains(words[k]);
        }

        if (!modal || clauseStart <= s)
        {
            return modal ? SpeakerFromTree(c, s, trigger) : null;
        }

        // "X said (here) (on) (Wednesday) that Y must …": the reporting verb a few words before the clause.
        var verb = -1;
        for (var k = clauseStart - 1; k >= Math.Max(s, clauseStart - 6); k--)
        {
            if (ReportingVerbs.Contains(words[k]) || words[k] is "reiterated" or "insisted" or "warned" or "urged")
            {
                verb = k;
                break;
            }

            if (words[k] == "," || ClauseBreakers.Contains(words[k]))
            {
                break;
            }
        }

        if (verb < 0)
        {
            return SpeakerFromTree(c, s, trigger);
        }

        return c.Phrases.LastOrDefault(p => p.Start >= s && p.End <= verb && p.Code is not null);
    }

    /// <summary>
    /// "The minister said Israel must stop …", "“The council must act,” the ambassador said": with no "that" to mark the
    /// reported clause, the tree does — the clause with the modal is the complement of a reporting verb, whose subject
    /// is the speaker.
    /// </summary>
    private static ActorPhrase? SpeakerFromTree(Context c, int s, int trigger)
    {
        if (c.Tree is not { } tree || trigger >= tree.Count)
        {
            return null;
        }

        // The modal before the demanded act, or the modal itself (a demand with no act the patterns know).
        for (var k = Math.Max(s, trigger - 6); k <= trigger; k++)
        {
            if (!DemandWords.Contains(c.Words[k]) || tree.BaseRel(k) != "aux" || tree.Head(k) is not (var v and >= 0)
                || tree.BaseRel(v) is not ("ccomp" or "parataxis") || tree.Head(v) is not (var report and >= 0) || !ReportingLemmas.Contains(tree.Lemma(report)))
            {
                continue;
            }

            foreach (var subject in tree.Children(report).Where(x => tree.BaseRel(x) == "nsubj"))
            {
                if (c.Phrases.LastOrDefault(p => p.Start <= subject && subject < p.End && p.Code is not null) is { } phrase)
                {
                    return phrase;
                }
            }
        }

        return null;
    }

    private static List<ActorPhrase> SubjectOf(Context c, List<ActorPhrase> before, int clauseStart, int trigger, int s)
    {
        var words = c.Words;
        if (before.Count == 0)
        {
            var pronoun = PronounBefore(c, clauseStart, trigger, s);
            return pronoun is null ? [] : [pronoun];
        }

        // Skip an appositive or parenthetical between commas ("Pakistan, a key U.S. ally, has refused"), and phrases
        // attached to a noun by a preposition ("the Turkish side of Cyprus") when a head phrase comes before them.
        var candidates = before.Where(p => !InsideCommas(words, p, before[0].Start, trigger)).ToList();
        if (candidates.Count > 1)
        {
            var heads = candidates.Where(p => p.Start == 0 || !Prepositions.Contains(words[p.Start - 1]) && !(p.Start > 1 && words[p.Start - 1] == "the" && Prepositions.Contains(words[p.Start - 2]))).ToList();
            if (heads.Count > 0)
            {
                candidates = heads;
            }
        }

        if (candidates.Count == 0)
        {
            candidates = before;
        }

        var subject = candidates[^1];
        if (subject.Code is null && subject.Sector is null && subject.Kind == ActorPhrase.Person
            && before.FirstOrDefault(p => p.Start == subject.End + 1 || (p.Start == subject.End + 2 && words[subject.End + 1] is "the" or "a")) is { Code: not null } apposed
            && words[subject.End] == ",")
        {
            // "Kenzo Oshima, the United Nations relief coordinator, demanded …": an unknown name takes its appositive's code.
            subject = apposed with { Start = subject.Start };
        }

        // A pronoun between the subject and the verb is the real subject ("Syria says it is willing").
        var pron = PronounBefore(c, subject.End, trigger, s);
        if (pron is not null)
        {
            return [pron];
        }

        var result = new List<ActorPhrase> { subject };
        var idx = candidates.IndexOf(subject);
        while (idx > 0)
        {
            var prev = candidates[idx - 1];
            var gap = result[0].Start - prev.End;
            if (Coordinated(c, prev.End, result[0].Start))
            {
                result.Insert(0, prev);
                idx--;
            }
            else
            {
                break;
            }
        }

        // "X and a group of deputies held talks with leaders of Y": also the owner of a "with" group.
        return result;
    }

    /// <summary>
    /// Two phrases joined as one subject or object: "Japan and South Korea", "Mordor, Rohan", "Ishiba and new South Korean
    /// President Lee" — "and" (or a comma) followed only by title words and modifiers.
    /// </summary>
    private static bool Coordinated(Context c, int end, int nextStart)
    {
        var words = c.Words;
        var gap = nextStart - end;
        if (gap < 1 || gap > 6 || words[end] is not ("and" or ","))
        {
            return false;
        }

        for (var k = end + 1; k < nextStart; k++)
        {
            var raw = c.Text[c.Tokens[k].Start];
            if (!(words[k] is "and" or "new" or "the" or "former" or "acting" or "incoming" or "outgoing" || char.IsUpper(raw)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InsideCommas(string[] words, ActorPhrase p, int from, int trigger)
    {
        var left = false;
        for (var k = p.Start - 1; k >= from; k--)
        {
            if (words[k] == ",")
            {
                left = true;
                break;
            }
        }

        var right = false;
        for (var k = p.End; k < trigger; k++)
        {
            if (words[k] == ",")
            {
                right = true;
                break;
            }
        }

        return left && right;
    }

    /// <summary>"it", "they", "he", "she" (and "I"/"we" in a direct quote) just before the trigger, resolved.</summary>
    private static ActorPhrase? PronounBefore(Context c, int from, int trigger, int s)
    {
        var words = c.Words;
        for (var k = trigger - 1; k >= Math.Max(from, trigger - 5); k--)
        {
            var w = words[k];
            if (w is "he" or "she" or "it" or "they" || FirstPerson.Contains(w))
            {
                var resolved = Resolve(c, w, k, s);
                return resolved is null ? null : resolved with { Start = k, End = k + 1, Kind = ActorPhrase.Pronoun };
            }
        }

        return null;
    }

    private static ActorPhrase? QuoteSpeaker(Context c, int at)
    {
        var offset = c.Tokens[at].Start;
        var quote = c.Quotes.FirstOrDefault(q => q.Direct && q.Content.Start <= offset && offset < q.Content.End && q.SpeakerActorId is not null);
        if (quote is null || !c.Actors.TryGetValue(quote.SpeakerActorId!, out var speaker))
        {
            return null;
        }

        var code = speaker.Code ?? speaker.Country;
        var (start, end) = quote.Speaker is { } sp ? ActorPhraseFinder.TokenRange(c.Tokens, sp) : (at, at + 1);
        return code is null ? null : new ActorPhrase(start, Math.Max(end, start + 1), code, speaker.Id, ActorPhrase.Person, false);
    }

    private static ActorPhrase? Resolve(Context c, string pronoun, int at, int s)
    {
        if (FirstPerson.Contains(pronoun))
        {
            return QuoteSpeaker(c, at);
        }

        // "X said he …", "Syria says it …", "Rebels … said they …": the sentence's first actor of the right kind is the one
        // news refers back to.
        var person = pronoun is "he" or "she";
        var subject = c.Phrases.FirstOrDefault(p => p.Start >= s && p.End <= at && p.Code is not null && p.Kind != ActorPhrase.Pronoun
            && (person ? p.Kind == ActorPhrase.Person : p.Kind != ActorPhrase.Person));
        if (subject is not null)
        {
            return subject;
        }

        return c.Phrases.LastOrDefault(p => p.End <= at && p.Code is not null && p.Kind != ActorPhrase.Pronoun
            && (person ? p.Kind == ActorPhrase.Person : p.Kind != ActorPhrase.Person) && p.Start >= Math.Max(0, s - 60));
    }

    private static List<ActorPhrase> ObjectOf(Context c, List<ActorPhrase> after, List<ActorPhrase> sources, Func<ActorPhrase, bool> resolves)
    {
        var words = c.Words;
        var coded = after.Where(p => (p.Code is not null || p.Sector is not null) && !p.Owned && !sources.Any(s => s.ActorId is not null && s.ActorId == p.ActorId)).ToList();
        var candidates = coded.Where(resolves).ToList();
        var own = sources.Select(x => x.Code is { Length: >= 3 } sc ? sc[..3] : null).ToHashSet(StringComparer.Ordinal);

        // "cooperation between Japan and South Korea" said by Japan: the partner is South Korea.
        var first = candidates.FirstOrDefault(p => p.Kind != ActorPhrase.Place || p.Code is null || !own.Contains(p.Code[..Math.Min(3, p.Code.Length)]))
            ?? candidates.FirstOrDefault();
        after = coded;
        if (first is null)
        {
            return [];
        }

        var result = new List<ActorPhrase> { first };
        var idx = after.IndexOf(first);
        if (idx > 0 && after[idx - 1] is var from && from.End == first.Start - 1 && words[from.End] == "to" && from.Start > 0 && words[from.Start - 1] == "from")
        {
            // "blocked the bridge from France to Germany": both ends are targets.
            result.Insert(0, from);
        }

        while (idx + 1 < after.Count)
        {
            var next = after[idx + 1];
            var last = result[^1];
            if (Coordinated(c, last.End, next.Start))
            {
                result.Add(next);
                idx++;
            }
            else
            {
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// The actor the tree shows as the subject of an "if" or "unless" clause on the act, before or after it ("if they
    /// take negative steps toward us, we will retaliate"): a threat is aimed at whoever must act to meet its condition.
    /// A passive condition's subject is the one acted on ("if our troops are attacked"), so not the one threatened.
    /// </summary>
    private static ActorPhrase? ConditionActor(Context c, int trigger, int s)
    {
        if (c.Tree is not { } tree)
        {
            return null;
        }

        for (var node = trigger; node >= 0; node = tree.Head(node))
        {
            foreach (var clause in tree.Children(node).Where(k => tree.BaseRel(k) == "advcl" && tree.Children(k).Any(m => tree.Rel(m) == "mark" && c.Words[m] is "if" or "unless")))
            {
                foreach (var subject in tree.Children(clause).Where(k => tree.Rel(k) == "nsubj"))
                {
                    if (c.Words[subject] is "he" or "she" or "it" or "they")
                    {
                        return Resolve(c, c.Words[subject], subject, s) is { } resolved ? resolved with { Start = subject, End = subject + 1, Kind = ActorPhrase.Pronoun } : null;
                    }

                    var (from, to) = SubtreeRange(tree, subject);
                    if (c.Phrases.Where(p => p.Start >= from && p.End <= to + 1 && (p.Code is not null || p.Sector is not null)).OrderBy(p => p.Start).FirstOrDefault() is { } phrase)
                    {
                        return phrase;
                    }
                }
            }

            if (tree.BaseRel(node) is not ("xcomp" or "conj" or "ccomp"))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The actor that opens an "unless" clause after the act ("… unless Israel rescinded the law").</summary>
    private static ActorPhrase? UnlessActor(Context c, int from, int e)
    {
        for (var k = from; k < e; k++)
        {
            if (c.Words[k] is "unless" or "until")
            {
                return c.Phrases.FirstOrDefault(p => p.Start > k && p.Start <= k + 2 && (p.Code is not null || p.Sector is not null) && p.Kind != ActorPhrase.Pronoun);
            }

            if (c.Words[k] is ";" or "." || ReportingVerbs.Contains(c.Words[k]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// "Croatian authorities are failing to uphold refugees' rights, a human rights group protested": a complainer who
    /// follows the clause it reports complains about that clause's subject.
    /// </summary>
    private static ActorPhrase? ComplainedAbout(Context c, int s, ActorPhrase source)
    {
        var words = c.Words;
        var comma = source.Start - 1;
        while (comma > s && words[comma] is "a" or "an" or "the")
        {
            comma--;
        }

        if (comma <= s + 2 || words[comma] != ",")
        {
            return null;
        }

        var subject = c.Phrases.FirstOrDefault(p => p.Start >= s && p.Start <= s + 1 && p.End < comma && (p.Code is not null || p.Sector is not null) && p.Kind != ActorPhrase.Pronoun);
        return subject is not null && subject != source ? subject : null;
    }

    /// <summary>Where to stop looking for the target: a reporting clause (", officials said"), "according to", or the sentence end.</summary>
    private static int TargetLimit(Context c, int from, int e)
    {
        var words = c.Words;
        for (var k = from; k < e; k++)
        {
            if (words[k] == "as" && k == from && k + 1 < e && words[k + 1] is "a" or "an")
            {
                // "denounced as an ugly crime Serbia's crackdown": "as" right after the verb gives its predicate, not a clause.
                continue;
            }

            if (words[k] is ";" or "after" or "before" or "when" or "because" or "while" or "since" or "until" or "although" or "though" or "unless" or "if" or "as"
                || (words[k] == "," && k + 1 < e && (words[k + 1] is "according" or "saying" or "adding" or "which" or "who" or "as" or "but"
                || Enumerable.Range(k + 1, Math.Min(6, e - k - 1)).Any(j => ReportingVerbs.Contains(words[j])))))
            {
                return k;
            }
        }

        return e;
    }

    /// <summary>Another country's actor named in the sentence, preferring named people and governments.</summary>
    private static ActorPhrase? SentencePartner(Context c, int s, int e, ActorPhrase source)
    {
        var country = source.Code is { Length: >= 3 } code ? code[..3] : null;
        return c.Phrases.Where(p => p.Start >= s && p.End <= e && p.Code is { Length: >= 3 } pc && pc[..3] != country && p.Kind != ActorPhrase.Pronoun)
            .OrderByDescending(p => p.Kind == ActorPhrase.Person ? 2 : p.Code!.Length > 3 ? 1 : 0)
            .ThenBy(p => Math.Abs(p.Start - source.Start))
            .FirstOrDefault();
    }

    /// <summary>
    /// The phrase as an event participant. A group or office with no country ("the military government", "President
    /// Prosper Avril") takes the country when the sentence names exactly one: news names the country of domestic actors once.
    /// </summary>
    /// <remarks>For a source, a country named after the verb counts only as the place of the act ("… declared a state of siege in
    /// Haiti"), not as the other party ("called for sanctions against Nigeria"): <paramref name="open"/> is where that starts.</remarks>
    private static EventParticipant? Participant(Context c, ActorPhrase p, int s, int e, int open)
    {
        if (p.End <= p.Start)
        {
            // The implied agent of a passive ("should be consulted") covers no words: it is no one to code.
            return null;
        }

        var code = p.Code;
        var isSource = open < e;
        var sector = p.Sector;
        if (code is not null && code.StartsWith("---", StringComparison.Ordinal))
        {
            // A generic body from the gazetteer ("Parliament" → ---LEG) belongs to the country the sentence names.
            sector = code[3..];
            code = null;
        }

        if (code is null && sector is not null && (p.Kind != ActorPhrase.Person || isSource))
        {
            var countries = c.Phrases.Where(x => x.Start >= s && x.End <= e && x.Code is { Length: >= 3 } && x.Kind is ActorPhrase.Place or ActorPhrase.People or ActorPhrase.Group
                    && (x.End <= open || (x.Start > 0 && c.Words[x.Start - 1] is "in" or "across" or "throughout" or "inside")))
                .Select(x => x.Code![..3]).Where(x => x[0] != '-' && !x.StartsWith("IGO", StringComparison.Ordinal) && !x.StartsWith("NGO", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).ToList();
            code = countries.Count == 1 ? countries[0] + sector : null;
            if (code is null && countries.Count == 0 && isSource && HomeSectors.Contains(sector[..Math.Min(3, sector.Length)]))
            {
                // Courts, police, legislatures and crowds act at home: "a judge opened an inquiry into three Peruvian
                // ministers", "strikers demanded the resignation of the Chilean labour minister" take the one country the
                // sentence names after the verb (not so for governments and armies: "called for sanctions against Nigeria").
                var limit = TargetLimit(c, open, e);
                var named = c.Phrases.Where(x => x.Start >= s && x.End <= limit && x.Code is { Length: >= 3 } && x.Kind is ActorPhrase.Place or ActorPhrase.People or ActorPhrase.Group)
                    .Select(x => x.Code![..3]).Where(x => x[0] != '-' && !x.StartsWith("IGO", StringComparison.Ordinal) && !x.StartsWith("NGO", StringComparison.Ordinal))
                    .Distinct(StringComparer.Ordinal).ToList();
                code = named.Count == 1 ? named[0] + sector : null;
            }
        }

        if (code is null && sector is not null && c.StoryCountry is { } home
            && !c.Phrases.Any(x => x.Start >= s && x.End <= e && x.Code is { Length: >= 3 } xc && !xc.StartsWith("IGO", StringComparison.Ordinal)
                && !xc.StartsWith("NGO", StringComparison.Ordinal) && !xc.StartsWith("---", StringComparison.Ordinal)))
        {
            // "Opposition lawmakers have denounced the extension", "our soldiers shot dead two militants": a body or a group
            // in a sentence that names no country belongs to the country the story is about.
            code = home + sector;
        }

        if (code is not null && code.StartsWith("---", StringComparison.Ordinal))
        {
            return null;
        }

        if (code is { Length: >= 3 } && !code.StartsWith("IGO", StringComparison.Ordinal) && FormerBefore(c.Words, p.Start))
        {
            // "Former Socialist prime minister Andreas Papandreou": no longer in office, an elite (CAMEO ELI).
            code = code[..3] + "ELI";
        }

        return code is null ? null : new EventParticipant(code, new TextSpan(c.Tokens[p.Start].Start, c.Tokens[p.End - 1].End), p.ActorId);
    }
}
