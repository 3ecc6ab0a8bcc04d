using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Events;

/// <summary>
/// Codes who did what to whom, sentence by sentence, from the pattern lexicon (<see cref="EventLexicon"/>):
/// <list type="number">
/// <item>find triggers (the longest pattern at each word; scare quotes of a few words and sports reports are skipped);</item>
/// <item>a trigger that governs another ("agreed to withdraw", "threatened to impose a curfew") absorbs it and takes the
/// refined code (035, 1323);</item>
/// <item>the source is the nearest actor phrase before the trigger in its clause, skipping appositives; passive
/// ("was attacked by X") swaps roles; pronouns resolve to the previous actor of the right kind and, inside a direct
/// quote, "I"/"we" to the speaker; compound sources ("Japan and South Korea") give one event each;</item>
/// <item>the target is the first actor phrase after the trigger before a reporting clause (", officials said");</item>
/// <item>modality from the words before the trigger: intentions turn cooperative acts into 03x codes and conflict
/// acts into threats (13x); "said X must …" is a demand (10x) on X; "will not accept" is a rejection;</item>
/// <item>acts dated years before the article (history recaps) are dropped.</item>
/// <item>after the sentences, quotes that pass an explicit negative judgement are criticism by their speaker
/// (RuleEventCoder.Criticism.cs).</item>
/// </list>
/// </summary>
public sealed partial class RuleEventCoder : IPipelineComponent
{
    private static readonly FrozenSet<string> ReportingVerbs = new[]
    {
        "said", "says", "say", "told", "tells", "announced", "announces", "declared", "declares", "stated", "added", "reported", "reports",
        "confirmed", "reiterated", "noted", "quoted", "explained", "stressed", "emphasized", "emphasised", "indicated", "claimed",
        "according", "saying", "adding", "believes", "believed", "thinks", "revealed", "disclosed", "argued", "maintained",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "has", "have", "had", "was", "were", "is", "are", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do",
        "been", "be", "also", "then", "again", "not", "never", "reportedly", "allegedly",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly EventLexicon _lexicon;
    private readonly ActorPhraseFinder _phrases;

    /// <param name="dictionaries">PETRARCH dictionaries in place of or beside the defaults (RuleEventCoder.Dictionaries.cs).</param>
    public RuleEventCoder(EventLexicon? lexicon = null, ActorLexicon? actors = null, Petrarch.EventDictionaries? dictionaries = null)
    {
        _dictionaries = dictionaries;
        _lexicon = dictionaries?.Lexicon ?? lexicon ?? EventLexicon.Default;
        _phrases = new ActorPhraseFinder(dictionaries is { ReplacesDefaults: true } ? new ActorLexicon() : actors ?? ActorLexicon.Default, _lexicon);
        Info = new("events.rules.v2", [Layers.Tokens, Layers.Sentences, Layers.Actors, Layers.ActorMentions, Layers.Times, Layers.Quotes], [Layers.Events])
        {
            Configuration = dictionaries?.Fingerprint,
        };
    }

    public ComponentInfo Info { get; }

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var tokens = document.Get(Layers.Tokens);
        var words = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            words[i] = text[tokens[i].Start..tokens[i].End].ToLowerInvariant();
        }

        var actors = document.Get(Layers.Actors);
        DateOnly? docDate = document.Has(Layers.DocumentDate) ? document.Get(Layers.DocumentDate) : null;
        if (DiscardsStory(words))
        {
            document.Set(Layers.Events, []);
            return;
        }

        var phrases = FindPhrases(text, tokens, words, actors, document.Get(Layers.ActorMentions), docDate);
        var context = new Context(text, tokens, words, phrases, actors.ToDictionary(a => a.Id, StringComparer.Ordinal),
            document.Get(Layers.Times), document.Get(Layers.Quotes), docDate)
        {
            StoryCountry = MainCountry(phrases),
            LatestYearMentioned = LatestYear(document.Get(Layers.Times)),
            Tree = document.Has(Layers.Syntax) && document.Get(Layers.Syntax) is { Length: > 0 } syntax && syntax.Length == tokens.Length ? new Tree(syntax) : null,
        };
        var events = ImmutableArray.CreateBuilder<EventMention>();
        var sentences = document.Get(Layers.Sentences);
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (s, e) = ActorPhraseFinder.TokenRange(tokens, sentence);
            if (e > s && !DiscardsSentence(words, s, e))
            {
                CodeSentence(context, sentence, s, e, events);
            }
        }

        CodeCriticism(context, sentences, events);
        AttributeAgentlessAttacks(context, events);

        document.Set(Layers.Events, events.ToImmutable());
    }

    private sealed record Context(string Text, ImmutableArray<TextSpan> Tokens, string[] Words, List<ActorPhrase> Phrases,
        Dictionary<string, Actor> Actors, ImmutableArray<TimeMention> Times, ImmutableArray<QuoteMention> Quotes, DateOnly? DocDate)
    {
        public Tree? Tree { get; init; }

        /// <summary>1 January of the latest year the text mentions (up to today), standing in for an undated article's date.</summary>
        public DateOnly? LatestYearMentioned { get; init; }

        /// <summary>The country the story is about: the one its actor phrases name most often (first named on a tie).</summary>
        public string? StoryCountry { get; init; }
    }

    /// <summary>Acts only a state performs: arrests, detentions, sentences, bans, expulsions, sanctions (CAMEO 116, 16x, 17x).</summary>
    private static bool StateAct(string code) =>
        code.StartsWith("17", StringComparison.Ordinal) || code.StartsWith("16", StringComparison.Ordinal) || code == "116";

    private static DateOnly? LatestYear(ImmutableArray<TimeMention> times)
    {
        var latest = 0;
        foreach (var t in times)
        {
            if (t.Value.Length >= 4 && int.TryParse(t.Value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                && year <= DateTime.UtcNow.Year)
            {
                latest = Math.Max(latest, year);
            }
        }

        return latest > 0 ? new DateOnly(latest, 1, 1) : null;
    }

    private static string? MainCountry(List<ActorPhrase> phrases)
    {
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        foreach (var p in phrases)
        {
            if (p.Code is { Length: >= 3 } code && p.Kind != ActorPhrase.Pronoun
                && code[0] != '-' && !code.StartsWith("IGO", StringComparison.Ordinal) && !code.StartsWith("NGO", StringComparison.Ordinal))
            {
                var key = code[..3];
                counts[key] = counts.TryGetValue(key, out var v) ? (v.Count + 1, v.First) : (1, p.Start);
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(x => x.Value.Count).ThenBy(x => x.Value.First).First().Key;
    }

    private sealed record Trigger(int Start, int End, EventPattern Pattern)
    {
        /// <summary>Patterns of the same weight at the same words, tried in order when <see cref="Pattern"/>'s source constraint fails.</summary>
        public List<EventPattern> Alternatives { get; } = [];

        public string Code { get; set; } = Pattern.Code;

        public int GovernedStart { get; set; } = -1;

        public int ActEnd { get; set; } = End;

        public string ActCode { get; set; } = Pattern.Code;

        public bool Consumed { get; set; }

        /// <summary>A noun the tree shows carried out by an executive verb that is no trigger itself ("ordered the arrest").</summary>
        public bool Executed { get; set; }
    }

    private void CodeSentence(Context c, TextSpan sentence, int s, int e, ImmutableArray<EventMention>.Builder output)
    {
        var words = c.Words;
        bool Barrier(int i) => words[i] is "," or "." || ClauseBreakers.Contains(words[i]) || words[i] is "\"" or "“" or "”";
        var sports = 0;
        for (var i = s; i < e; i++)
        {
            sports += SportsWords.Contains(words[i]) ? 1 : 0;
            sports += IsScore(words[i]) ? 2 : 0;
        }

        var triggers = FindTriggers(c, s, e, Barrier);
        if (triggers.Count == 0)
        {
            // "The minister said Israel must stop the expansion": a demand needs no act the patterns know.
            ReportedDemands(c, sentence, s, e, triggers, output);
            ReciprocalEvents(c, sentence, s, e, output);
            ReportedNeeds(c, sentence, s, e, output);
            return;
        }

        // Governing verbs absorb the action they govern: "agreed to withdraw", "called on X to release".
        foreach (var t in triggers)
        {
            if (t.Consumed || !(t.Pattern.Governs || t.Pattern.GovernsClause))
            {
                continue;
            }

            var limit = Math.Min(e, t.End + (t.Pattern.GovernsClause ? 14 : 10));
            var governed = triggers.FirstOrDefault(g => g != t && !g.Consumed && g.Start >= t.End && g.Start < limit
                && !Enumerable.Range(t.End, g.Start - t.End).Any(k => ClauseBreakers.Contains(words[k]) || ReportingVerbs.Contains(words[k]) || Subordinators.Contains(words[k])));
            if (governed is not null && (HasToBetween(words, t.End, governed.Start) || t.Pattern.Text.EndsWith(" to", StringComparison.Ordinal)
                || t.Pattern.GovernsClause || t.Pattern.StatesIntent))
            {
                governed.Consumed = true;
                t.ActCode = governed.Code;

                // An intention to coerce or attack ("prepared to impose martial law") is a threat, as CAMEO codes it.
                var governing = t.Code[..2] == "03" && (_lexicon.Code(governed.Code)?.Quad ?? 0) == 4 ? "13" : t.Code[..2];
                t.Code = _lexicon.Refine(governing, governed.Code);
                t.GovernedStart = governed.Start;
                t.ActEnd = governed.End;
            }
        }

        Trigger? previous = null;
        List<ActorPhrase>? lastSources = null;
        foreach (var t in triggers.Where(t => !t.Consumed))
        {
            if (Weapons.Contains(words[t.Start]) && NounUse(c, s, t, triggers.Count(x => !x.Consumed)))
            {
                // "A roadside bomb … killed": the weapon names no act of its own, so the verb after it is no elaboration.
                continue;
            }

            // "prosecutors ordered the arrest of X", "the army launched an attack on Y": the noun is the act.
            t.Executed = ExecutedNoun(c, t, triggers);
            var skip = Elaborates(words, previous, t) || (NounUse(c, s, t, triggers.Count(x => !x.Consumed)) && !t.Executed) || InRelativeClause(words, s, t)
                || Background(words, previous, t) || InAttribution(words, e, t);
            previous = t;
            if (skip)
            {
                continue;
            }

            lastSources = CodeTrigger(c, sentence, s, e, t, sports >= 2, lastSources, output);
        }

        ReportedDemands(c, sentence, s, e, triggers, output);
        ReciprocalEvents(c, sentence, s, e, output);
        ReportedNeeds(c, sentence, s, e, output);
    }

    /// <summary>
    /// "The administration declared that China must drop barriers": a demand by the speaker on the clause's subject,
    /// coded 100 when the demanded act matched no pattern of its own (when it did, <see cref="CodeTrigger"/> refined it).
    /// </summary>
    private void ReportedDemands(Context c, TextSpan sentence, int s, int e, List<Trigger> triggers, ImmutableArray<EventMention>.Builder output)
    {
        var words = c.Words;
        for (var m = s + 1; m < e; m++)
        {
            if (words[m] is not ("must" or "should") || triggers.Any(t => t.Start > m && t.Start <= m + 6) || triggers.Any(t => t.Start < m && t.ActEnd > m))
            {
                continue;
            }

            if (c.Tree is { } tree && m < tree.Count && tree.Head(m) is var modalHead and >= 0 && tree.Upos(modalHead) is "ADJ" or "NOUN")
            {
                // "the changes should be sufficient": a judgement about a state of things, not an act asked of anyone.
                continue;
            }

            var subject = c.Phrases.LastOrDefault(p => p.End == m || (p.End == m - 1 && words[m - 1] is "also" or "still"));
            if (subject is not null && subject.Start > s && words[subject.Start - 1] is "and" or "&")
            {
                // "Ishiba said Japan and South Korea should work as partners": a joint subject is a proposal, not a demand on one.
                continue;
            }

            var clauseStart = ClauseStart(words, s, subject?.Start ?? m);
            var speaker = subject is null ? null : DemandingSpeaker(c, s, clauseStart, m, force: true);
            if (subject is null || speaker is null || speaker == subject)
            {
                continue;
            }

            var source = Participant(c, speaker, s, e, m);
            var target = Participant(c, subject, s, e, e);
            var info = _lexicon.Code("100");
            if (source is null || target is null || info is null || CountryOf(source.Code) == CountryOf(target.Code) && source.Code == target.Code)
            {
                continue;
            }

            var trigger = new TextSpan(c.Tokens[m].Start, c.Tokens[m].End);
            output.Add(new EventMention(source, target, "100", info.Plover, info.Plover, info.Mode, info.Quad, info.Goldstein,
                EventDate(c, sentence, m), null, false, EventMention.Actual, sentence, trigger, "reported-demand", 0.6));
        }
    }

    /// <summary>Codes one trigger; returns the sources it used, which a following coordinated verb ("… and has urged") shares.</summary>
    private List<ActorPhrase> CodeTrigger(Context c, TextSpan sentence, int s, int e, Trigger t, bool sportsSentence, List<ActorPhrase>? inherited,
        ImmutableArray<EventMention>.Builder output)
    {
        var words = c.Words;
        var passive = t.Pattern.Undergoes || (!t.Pattern.StatesIntent && !t.Pattern.Governs && IsPassive(words, s, t.Start));
        var clauseStart = ClauseStart(words, s, t.Start);
        var before = c.Phrases.Where(p => p.Start >= clauseStart && p.End <= t.Start).ToList();
        var afterLimit = TargetLimit(c, t.ActEnd, e);
        // "dispatched inspectors to X": a bare agent noun that is the pattern's own word is the source's means, not the target
        // ("accepted two hundred Syrian refugees" keeps its target: the phrase names a country).
        var after = c.Phrases.Where(p => p.Start > t.Start && p.End <= afterLimit
            && !(p.Start < t.End && t.End <= p.End && p.Start > t.Start && (p.Code is null || p.Code is "IGO" or "NGO"))).ToList();

        // "said (that) X must …": a demand by the speaker on X.
        var demandBy = DemandingSpeaker(c, s, clauseStart, t.Start);

        List<ActorPhrase> sources;
        List<ActorPhrase> targets;
        if (passive)
        {
            var by = after.FirstOrDefault(p => t.End <= p.Start && p.Start > 0 && (words[p.Start - 1] == "by" || (p.Start > 1 && words[p.Start - 2] == "by" && words[p.Start - 1] is "the" or "current" or "a")));
            // A reduced relative ("nationals abducted by North Korea") acts on the noun right before it.
            var reduced = t.Start > s && !Auxiliaries.Contains(words[t.Start - 1]) && before.LastOrDefault() is { } noun && noun.End == t.Start ? noun : null;
            targets = reduced is not null ? [reduced] : SubjectOf(c, before, clauseStart, t.Start, s);
            sources = by is not null ? [by] : targets.Count > 0 ? [new ActorPhrase(t.Start, t.Start, string.Empty, null, ActorPhrase.Group, false)] : [];
        }
        else
        {
            sources = SubjectOf(c, before, clauseStart, t.Start, s);
            if (CoordinatedVerb(words, s, t.Start))
            {
                // "Pakistan has refused to deploy troops and has urged its citizens …": the second verb shares the subject;
                // when the first verb coded nothing ("Kyiv said it would study the document … and accused Moscow"), the
                // subject is the sentence's opening actor.
                sources = inherited ?? [.. c.Phrases.Where(p => p.Start >= s && p.End <= t.Start && p.Code is not null && p.Kind != ActorPhrase.Pronoun).Take(1)];
            }

            if ((_lexicon.Code(t.Code)?.Quad ?? 0) == 4 && WeaponSubject(words, clauseStart, t.Start) is { } weapon && sources.All(p => p.Start > weapon))
            {
                // "A roadside bomb near Kirkuk killed two policemen": an attack with no named attacker is by unidentified
                // armed forces (CAMEO UAF) of the country where it happened.
                sources = [new ActorPhrase(weapon, weapon + 1, null, null, ActorPhrase.Group, true) { Sector = "UAF" }];
            }

            if (sources.Count == 0 && QuoteSpeaker(c, t.Start) is { } speaker)
            {
                // Inside a direct quote with no subject of its own, the act is the speaker's ("holding summit talks … won't change," Ishiba said).
                sources = [speaker];
            }

            targets = t.Pattern.NoTarget ? [] : ObjectOf(c, after, sources, p => Participant(c, p, s, e, e) is not null);
            if (targets.Count == 0 && (t.Code.StartsWith("10", StringComparison.Ordinal) || t.Code.StartsWith("02", StringComparison.Ordinal)) && after.FirstOrDefault() is { Owned: true } own && own.Start <= t.End + 1)
            {
                // "has urged its citizens to avoid travel": a request to one's own people is no event between actors.
                return sources;
            }
        }

        // The tree fills in what the clause window missed and vetoes what the words alone cannot see (RuleEventCoder.Syntax.cs).
        if (!ApplyTree(c, t, s, e, demandBy, ref passive, ref sources, ref targets, out var treeNegated))
        {
            return sources;
        }

        if (t.Code.StartsWith("11", StringComparison.Ordinal) && targets.Count == 1 && targets[0].Start > 1
            && (words[targets[0].Start - 1] == "to" || (words[targets[0].Start - 1] == "the" && words[targets[0].Start - 2] == "to")))
        {
            // "complained to the United Nations over two Israeli air raids": the complaint is about Israel, addressed to the UN.
            var about = after.FirstOrDefault(p => p.Start > targets[0].End && p.Start - targets[0].End <= 6
                && Enumerable.Range(targets[0].End, p.Start - targets[0].End).Any(k => words[k] is "over" or "about" or "against" or "at")
                && Participant(c, p, s, e, e) is not null);
            if (about is not null)
            {
                targets = [about];
            }
        }

        if (sources.Count > 1)
        {
            // "Palestinians and Israelis failed to reach agreement on the fate of Palestinian offices": no target of their own.
            var own = sources.Select(x => CountryOf(Participant(c, x, s, e, t.Start)?.Code ?? x.Code)).ToHashSet(StringComparer.Ordinal);
            targets = [.. targets.Where(x => !own.Contains(CountryOf(Participant(c, x, s, e, e)?.Code ?? x.Code)))];
            if (t.Code.StartsWith("04", StringComparison.Ordinal) && own.Count > 1)
            {
                // "U.S. and Russian negotiators return to Geneva for talks": where two sides meet is the venue, not a party.
                targets = [.. targets.Where(x => x.Kind != ActorPhrase.Place || x.Start == 0 || words[x.Start - 1] is not ("to" or "in" or "at"))];
            }
        }

        var subjectEnd = sources.Count > 0 && sources[^1].End <= t.Start && sources[^1].Code != string.Empty ? sources[^1].End : clauseStart;
        if (passive && targets.Count > 0 && targets[^1].End <= t.Start)
        {
            subjectEnd = targets[^1].End;
        }

        var modality = Modality(words, Math.Max(clauseStart, subjectEnd), t.Start, out var negated, out var willNot);
        negated |= treeNegated;
        var code = t.Code;
        var actCode = t.ActCode;
        if (demandBy is not null && sources.Count > 0 && modality == EventMention.Demanded)
        {
            // The clause's subject is the one asked to act; the speaker makes the demand.
            targets = sources;
            sources = [demandBy];
            code = _lexicon.Refine("10", actCode);
            modality = EventMention.Actual;
        }

        var quad = _lexicon.Code(code)?.Quad ?? 0;
        if (willNot && code.Length >= 2 && code[..2] is "03" or "04" or "05" or "06" or "07" or "08")
        {
            // "will not accept", "won't meet": a refusal, coded as a rejection.
            code = _lexicon.Refine("12", actCode);
            negated = false;
            modality = EventMention.Actual;
        }
        else if (modality is EventMention.Intended or EventMention.Hypothetical && !t.Pattern.StatesIntent && code.Length >= 2)
        {
            var root = code[..2];
            if (root is "04" or "05" or "06" or "07" or "08" && modality == EventMention.Intended)
            {
                code = _lexicon.Refine("03", code);
            }
            else if (quad == 4 && root is not "13")
            {
                code = _lexicon.Refine("13", code);
                modality = EventMention.Actual;
            }
        }
        else if (t.Pattern.StatesIntent || code.StartsWith("03", StringComparison.Ordinal))
        {
            modality = EventMention.Intended;
        }

        if (targets.Count == 0 && !passive && code.StartsWith("13", StringComparison.Ordinal)
            && (UnlessActor(c, t.ActEnd, e) ?? ConditionActor(c, t.Start, s)) is { } conditioned
            && !sources.Any(x => Participant(c, x, s, e, t.Start)?.Code is { } own && own == Participant(c, conditioned, s, e, e)?.Code))
        {
            // "threatened to strike unless the government raised wages", "if they take negative steps toward us, we will
            // retaliate": the threat is aimed at whoever must act.
            targets = [conditioned];
        }

        if (targets.Count == 0 && !passive && code.StartsWith("11", StringComparison.Ordinal) && sources.Count == 1 && ComplainedAbout(c, s, sources[0]) is { } accused)
        {
            // "The authorities are failing refugees, a human rights group charged.": the complaint is about the clause before.
            targets = [accused];
        }

        (code, actCode, sources, targets) = ApplyDictionaryPattern(c, t, code, actCode, sources, targets, before, clauseStart, s);
        var grammaticalSubject = passive ? targets : sources;

        if (!Allowed(t.Pattern, sources))
        {
            var alternative = t.Alternatives.FirstOrDefault(p => Allowed(p, sources));
            if (alternative is null)
            {
                return grammaticalSubject;
            }

            code = actCode = alternative.Code;
        }

        if (t.Pattern.JointCode is { } joint && sources.Select(p => p.Code is { Length: >= 3 } sc ? sc[..3] : p.Code).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            code = joint;
            actCode = joint;
            targets = [];
        }

        var info = _lexicon.Code(code);
        if (info is null || info.Plover.Length == 0 && !code.StartsWith("02", StringComparison.Ordinal))
        {
            return grammaticalSubject;
        }

        if (sportsSentence && info.Quad >= 3)
        {
            return grammaticalSubject;
        }

        if (IsHistory(c, sentence, t))
        {
            return grammaticalSubject;
        }

        // An intention or a demand whose act has no partner in the clause ("wants to hold summit talks") meets the
        // other country's leader named in the sentence.
        if (targets.Count == 0 && sources.Count == 1 && (code.StartsWith("03", StringComparison.Ordinal) || code.StartsWith("04", StringComparison.Ordinal)) && !t.Pattern.NoTarget)
        {
            var partner = SentencePartner(c, s, e, sources[0]);
            if (partner is not null)
            {
                targets = [partner];
            }
        }

        if (targets.Count == 0 && sources.Count == 1 && code.StartsWith("03", StringComparison.Ordinal) && !(t.Code.StartsWith("03", StringComparison.Ordinal) && t.GovernedStart >= 0))
        {
            // An intention is aimed at someone: "the group will release its results", "the Tories pledged tax cuts",
            // "the committee will discuss plans" name no other party and are no event between actors. A pattern
            // that governs an act of its own ("agreed to withdraw") and joint subjects ("X and Y agreed") still code.
            return grammaticalSubject;
        }

        // "Top judge clashes with ministers", "Tony Blair has launched an attack on Conservative spending plans".
        if (IsAttack(code) && FigurativeForce(c, s, e, t, sources, targets))
        {
            if (!VerbalForce(c, t))
            {
                return grammaticalSubject;
            }

            code = actCode = "111";
            info = _lexicon.Code(code)!;
        }

        var act = _lexicon.Code(actCode) ?? info;
        var plover = act.Plover.Length > 0 ? act.Plover : info.Plover;
        if (targets.Count == 0 && inherited is not null && CoordinatedVerb(words, s, t.Start)
            && output.Any(x => x.Evidence == sentence && x.Target is not null && x.PloverAct == plover))
        {
            // "killed two policemen and wounded three others": the second verb adds no actor of its own.
            return grammaticalSubject;
        }

        var date = EventDate(c, sentence, t.Start);
        var location = Location(c, t, e, sources, targets);
        var triggerSpan = new TextSpan(c.Tokens[t.Start].Start, c.Tokens[t.ActEnd - 1].End);
        var firstAdded = output.Count;
        foreach (var src in sources)
        {
            var source = src.Code == string.Empty ? new EventParticipant(string.Empty, new TextSpan(c.Tokens[t.Start].Start, c.Tokens[t.Start].Start), null) : Participant(c, src, s, e, t.Start);
            if (source is null || (source.Code.Length == 0 && !targets.Any(x => Participant(c, x, s, e, e) is not null)))
            {
                continue;
            }

            var confidence = 0.5 + (src.Kind is ActorPhrase.Person or ActorPhrase.Place or ActorPhrase.Organization ? 0.2 : 0.1) + (targets.Count > 0 ? 0.1 : 0);
            var anyTarget = false;
            EventParticipant? partner = null;
            foreach (var tgt in targets)
            {
                var target = Participant(c, tgt, s, e, e);
                if (target is null && tgt.Code is null && tgt.Sector is { } sector && partner is { Code.Length: >= 3 } && tgt.End > tgt.Start)
                {
                    // "shelled positions of the Palestinian police and residential areas": the second target shares the first's country.
                    target = new EventParticipant(partner.Code[..3] + sector, new TextSpan(c.Tokens[tgt.Start].Start, c.Tokens[tgt.End - 1].End), null);
                }

                partner = target ?? partner;
                if (target is null || target.Code == source.Code && tgt == src)
                {
                    continue;
                }

                anyTarget = true;
                output.Add(new EventMention(source, target, code, plover, info.Plover, act.Mode ?? info.Mode, info.Quad, info.Goldstein, date, null,
                    negated, modality, sentence, triggerSpan, t.Pattern.Rule, Math.Round(confidence, 2))
                { Location = location });
            }

            if (!anyTarget)
            {
                output.Add(new EventMention(source, null, code, plover, info.Plover, act.Mode ?? info.Mode, info.Quad, info.Goldstein, date, null,
                    negated, modality, sentence, triggerSpan, t.Pattern.Rule, Math.Round(confidence - 0.1, 2))
                { Location = location });
            }
        }

        AddPairedEvents(t, output, firstAdded);
        return grammaticalSubject;
    }
}
