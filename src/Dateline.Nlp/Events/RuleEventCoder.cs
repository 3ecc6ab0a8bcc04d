using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
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
/// </list>
/// </summary>
public sealed partial class RuleEventCoder : IPipelineComponent
{
    private static readonly FrozenSet<string> IntentWords = new[]
    {
        "will", "'ll", "’ll", "would", "wants", "want", "wanted", "hopes", "hope", "hoped", "plans", "plan", "planned", "intends", "intend",
        "aims", "aim", "seeks", "seek", "expects", "expected", "decided", "decides", "going", "set", "importance", "prepared", "ready",
        "willing", "determined", "eager", "keen", "wish", "wishes", "vowed", "pledged", "promised",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> HypotheticalWords = new[] { "may", "might", "could", "if", "unless", "whether" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DemandWords = new[] { "must", "should", "ought", "needs", "need" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NegationWords = new[] { "not", "n't", "n’t", "never", "no" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> BeForms = new[] { "is", "are", "was", "were", "been", "being", "be", "'s", "’s", "got", "get", "gets" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ReportingVerbs = new[]
    {
        "said", "says", "say", "told", "tells", "announced", "announces", "declared", "declares", "stated", "added", "reported", "reports",
        "confirmed", "reiterated", "noted", "quoted", "explained", "stressed", "emphasized", "emphasised", "indicated", "claimed",
        "according", "saying", "adding", "believes", "believed", "thinks", "revealed", "disclosed", "argued", "maintained",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SportsWords = new[]
    {
        "match", "matches", "game", "games", "cup", "tournament", "championship", "championships", "league", "semifinal", "semifinals",
        "quarterfinal", "final", "season", "coach", "striker", "goalkeeper", "olympic", "olympics", "medal", "innings", "scored", "goal",
        "goals", "wicket", "inning", "playoff", "playoffs", "seeded",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ClauseBreakers = new[] { ";", ":", "(", ")", "—", "–", "--" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Determiners = new[]
    {
        "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "any", "no", "'s", "’s", "all",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "has", "have", "had", "was", "were", "is", "are", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do",
        "been", "be", "also", "then", "again", "not", "never", "reportedly", "allegedly",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Prepositions = new[]
    {
        "of", "in", "from", "for", "with", "to", "at", "by", "on", "near", "into", "against", "between", "about", "over", "under", "toward", "towards",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FirstPerson = new[] { "i", "we", "us", "our", "me", "my" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly EventLexicon _lexicon;
    private readonly ActorPhraseFinder _phrases;

    /// <param name="dictionaries">PETRARCH dictionaries in place of or beside the defaults (RuleEventCoder.Dictionaries.cs).</param>
    public RuleEventCoder(EventLexicon? lexicon = null, ActorLexicon? actors = null, Petrarch.EventDictionaries? dictionaries = null)
    {
        _dictionaries = dictionaries;
        _lexicon = dictionaries?.Lexicon ?? lexicon ?? EventLexicon.Default;
        _phrases = new ActorPhraseFinder(dictionaries is { ReplacesDefaults: true } ? new ActorLexicon() : actors ?? ActorLexicon.Default, _lexicon);
    }

    public ComponentInfo Info { get; } = new("events.rules.v1",
        [Layers.Tokens, Layers.Sentences, Layers.Actors, Layers.ActorMentions, Layers.Times, Layers.Quotes], [Layers.Events]);

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
            document.Get(Layers.Times), document.Get(Layers.Quotes), docDate);
        var events = ImmutableArray.CreateBuilder<EventMention>();
        foreach (var sentence in document.Get(Layers.Sentences))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (s, e) = ActorPhraseFinder.TokenRange(tokens, sentence);
            if (e > s && !DiscardsSentence(words, s, e))
            {
                CodeSentence(context, sentence, s, e, events);
            }
        }

        document.Set(Layers.Events, events.ToImmutable());
    }

    private sealed record Context(string Text, ImmutableArray<TextSpan> Tokens, string[] Words, List<ActorPhrase> Phrases,
        Dictionary<string, Actor> Actors, ImmutableArray<TimeMention> Times, ImmutableArray<QuoteMention> Quotes, DateOnly? DocDate);

    private sealed record Trigger(int Start, int End, EventPattern Pattern)
    {
        /// <summary>Patterns of the same weight at the same words, tried in order when <see cref="Pattern"/>'s source constraint fails.</summary>
        public List<EventPattern> Alternatives { get; } = [];

        public string Code { get; set; } = Pattern.Code;

        public int GovernedStart { get; set; } = -1;

        public int ActEnd { get; set; } = End;

        public string ActCode { get; set; } = Pattern.Code;

        public bool Consumed { get; set; }
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
            var skip = Elaborates(words, previous, t) || NounUse(c, s, t, triggers.Count(x => !x.Consumed)) || InRelativeClause(words, s, t)
                || Background(words, previous, t) || InAttribution(words, e, t);
            previous = t;
            if (skip)
            {
                continue;
            }

            lastSources = CodeTrigger(c, sentence, s, e, t, sports >= 2, lastSources, output);
        }

        ReportedDemands(c, sentence, s, e, triggers, output);
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

            var subject = c.Phrases.LastOrDefault(p => p.End == m || (p.End == m - 1 && words[m - 1] is "also" or "still"));
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
                EventDate(c, sentence, new Trigger(m, m + 1, _lexicon.Patterns[0])), null, false, EventMention.Actual, sentence, trigger, "reported-demand", 0.6));
        }
    }

    /// <summary>"2-1", "3-0": a result, as sports reports give them.</summary>
    private static bool IsScore(string w)
    {
        var dash = w.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && dash < w.Length - 1 && w.Length <= 5 && w.AsSpan(0, dash).IndexOfAnyExceptInRange('0', '9') < 0
            && w.AsSpan(dash + 1).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static readonly FrozenSet<string> Boundaries = new[]
    {
        ",", ";", ":", "and", "but", "while", "after", "before", "as", "when", "because", "since", "that", "which", "who", "whom", "whose",
        "although", "though", "whereas", "until", "amid", "despite",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A second trigger in the same clause as the first, with no boundary between them, elaborates the first ("hosted X for
    /// an informal meeting", "wounded two soldiers in a bomb attack"); an infinitive after it is its purpose ("visit X to mediate").
    /// </summary>
    private static bool Elaborates(string[] words, Trigger? previous, Trigger t)
    {
        if (previous is null)
        {
            return false;
        }

        // "will visit Mauritania and Senegal to mediate", "embarked on a trip to seek support": a purpose infinitive. Not
        // "wants to hold talks" or "agreed to meet", where the infinitive is the act itself.
        if (t.Start > 1 && words[t.Start - 1] == "to" && !IntentWords.Contains(words[t.Start - 2]) && !Auxiliaries.Contains(words[t.Start - 2])
            && !words.AsSpan(previous.ActEnd, Math.Max(0, t.Start - previous.ActEnd)).Contains(","))
        {
            return true;
        }

        // ", setting fire to their mattresses": a participle clause after the act describes it.
        if (t.Start > previous.ActEnd && words[t.Start - 1] == "," && words[t.Start].EndsWith("ing", StringComparison.Ordinal))
        {
            return true;
        }

        for (var k = previous.ActEnd; k < t.Start; k++)
        {
            if (Boundaries.Contains(words[k]) || ReportingVerbs.Contains(words[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A verb pattern used as a noun or adjective ("a bomb attack", "the wounded", "the occupied West Bank", "inspectors probing").</summary>
    private static bool NounUse(Context c, int s, Trigger t, int triggers)
    {
        var words = c.Words;
        if (!t.Pattern.SingleVerb)
        {
            return false;
        }

        var before = t.Start > s ? words[t.Start - 1] : string.Empty;
        if (Determiners.Contains(before) || (Prepositions.Contains(before) && before != "to"))
        {
            return true;
        }

        // "their political demands", "growing pressure": an adjective between a determiner and the word, or an -ing modifier.
        var before2 = t.Start > s + 1 ? words[t.Start - 2] : string.Empty;
        if ((Determiners.Contains(before2) && AdjectiveLike(before)) || char.IsDigit(before.Length > 0 ? before[0] : 'x')
            || before is "growing" or "mounting" or "increasing" or "continuing" or "renewed" or "fresh" or "new" or "two" or "three" or "four" or "several" or "many")
        {
            return true;
        }

        // "the defense white paper released last week": a participle right after a common noun modifies it.
        // That is, a noun phrase that is itself the object of a preposition ("in its … paper"), so it cannot be the subject.
        if (words[t.Start].EndsWith("ed", StringComparison.Ordinal) && ObjectOfPreposition(c, s, t.Start))
        {
            return true;
        }

        return words[t.Start].EndsWith("ing", StringComparison.Ordinal) && triggers > 1 && !BeForms.Contains(before) && before is not ("after" or "by");
    }

    private static readonly FrozenSet<string> Subordinators = new[]
    {
        "after", "before", "since", "following", "as", "when", "because", "amid", "until", "while", "whereas", "once",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// After the main event, a clause opened by "after", "as", "since"… gives its background ("North Korea expelled the
    /// inspectors after U.S. officials alleged …", "Italy suspended flights, one day after a jet shot down …").
    /// </summary>
    private static bool Background(string[] words, Trigger? previous, Trigger t)
    {
        if (previous is null)
        {
            return false;
        }

        for (var k = previous.ActEnd; k < t.Start; k++)
        {
            if (Subordinators.Contains(words[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The attribution at the end of a sentence (", a member of the Chadian team trying to broker a pact has said.")
    /// says who reported, not what happened.
    /// </summary>
    private static bool InAttribution(string[] words, int e, Trigger t)
    {
        var comma = -1;
        for (var k = t.Start - 1; k >= Math.Max(0, t.Start - 10); k--)
        {
            if (words[k] == ",")
            {
                comma = k;
                break;
            }
        }

        if (comma < 0)
        {
            return false;
        }

        for (var k = t.End; k < e; k++)
        {
            if (words[k] is "," or ";" or "and" or "but")
            {
                return false;
            }

            if (ReportingVerbs.Contains(words[k]))
            {
                return k >= e - 4;
            }
        }

        return false;
    }

    /// <summary>A word shaped like an adjective ("political", "military", "massive", "fierce"), not a noun like "rebels".</summary>
    private static bool AdjectiveLike(string w) =>
        w.Length > 3 && !w.EndsWith('s') && (w.EndsWith("al", StringComparison.Ordinal) || w.EndsWith("ic", StringComparison.Ordinal)
            || w.EndsWith("ive", StringComparison.Ordinal) || w.EndsWith("ous", StringComparison.Ordinal) || w.EndsWith("ful", StringComparison.Ordinal)
            || w.EndsWith("ary", StringComparison.Ordinal) || w.EndsWith("ent", StringComparison.Ordinal) || w.EndsWith("ant", StringComparison.Ordinal)
            || w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ish", StringComparison.Ordinal)
            || w.EndsWith("ian", StringComparison.Ordinal) || w.EndsWith("ese", StringComparison.Ordinal));

    /// <summary>"… in its defense white paper [released]": the words before end a noun phrase opened by a determiner right after a preposition.</summary>
    private static bool ObjectOfPreposition(Context c, int s, int trigger)
    {
        var words = c.Words;
        for (var k = trigger - 1; k >= Math.Max(s + 1, trigger - 5); k--)
        {
            if (Determiners.Contains(words[k]) && words[k] is not "that")
            {
                return Prepositions.Contains(words[k - 1]);
            }

            if (Auxiliaries.Contains(words[k]) || Boundaries.Contains(words[k]) || ReportingVerbs.Contains(words[k]) || Prepositions.Contains(words[k])
                || !char.IsLower(c.Text[c.Tokens[k].Start]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "whom they had taken hostage", "where 24 people were killed in riots last March", "in which 20 people were killed":
    /// a relative clause gives background to a noun, not the news of the sentence.
    /// </summary>
    private static bool InRelativeClause(string[] words, int s, Trigger t)
    {
        for (var k = t.Start - 1; k >= Math.Max(s, t.Start - 8); k--)
        {
            if (words[k] is "whom" or "which" or "where" or "whose" || (words[k] == "who" && k > s && words[k - 1] == ","))
            {
                return true;
            }

            if (words[k] == "," && k >= 3 && words[k - 3] == "," && (ReportingVerbs.Contains(words[k - 1]) || ReportingVerbs.Contains(words[k - 2])))
            {
                // ", it said," inside the clause
                k -= 3;
                continue;
            }

            if (ClauseBreakers.Contains(words[k]) || ReportingVerbs.Contains(words[k]) || (words[k] == "," && k < t.Start - 1 && words[k + 1] != "who"))
            {
                return false;
            }
        }

        return false;
    }

    private static bool HasToBetween(string[] words, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (words[k] is "to" or "that")
            {
                return true;
            }
        }

        return false;
    }

    private List<Trigger> FindTriggers(Context c, int s, int e, Func<int, bool> barrier)
    {
        var words = c.Words;
        var found = new List<Trigger>();
        for (var i = s; i < e; i++)
        {
            EventPattern? best = null;
            var bestEnd = -1;
            var alternatives = new List<EventPattern>();
            foreach (var p in _lexicon.PatternsStartingWith(words[i]))
            {
                var end = p.Match(words, i, e, barrier);
                if (end > 0 && best is not null && p.Weight == best.Weight && end == bestEnd)
                {
                    alternatives.Add(p);
                }
                else if (end > 0 && (best is null || p.Weight > best.Weight || (p.Weight == best.Weight && end < bestEnd)))
                {
                    (best, bestEnd) = (p, end);
                    alternatives.Clear();
                }
            }

            if (best is null || InsideShortQuote(c, i) || c.Phrases.Any(p => p.Start <= i && i < p.End && p.Kind != ActorPhrase.People))
            {
                continue;
            }

            var trigger = new Trigger(i, bestEnd, best);
            trigger.Alternatives.AddRange(alternatives);
            found.Add(trigger);
        }

        // Overlapping triggers: the one that starts first wins unless a later one is strictly heavier.
        var kept = new List<Trigger>();
        foreach (var t in found)
        {
            var clash = kept.FirstOrDefault(k => t.Start < k.End);
            if (clash is null)
            {
                kept.Add(t);
            }
            else if (t.Pattern.Weight > clash.Pattern.Weight && !clash.Pattern.Governs)
            {
                kept.Remove(clash);
                kept.Add(t);
            }
        }

        return kept;
    }

    /// <summary>A trigger inside a quotation of at most four words is a scare quote ("work as 'partners'"), not an act.</summary>
    private static bool InsideShortQuote(Context c, int token)
    {
        var words = c.Words;
        int open = -1, close = -1;
        for (var k = token - 1; k >= Math.Max(0, token - 5); k--)
        {
            if (IsQuoteMark(words[k]))
            {
                open = k;
                break;
            }
        }

        for (var k = token + 1; k < Math.Min(words.Length, token + 6); k++)
        {
            if (IsQuoteMark(words[k]))
            {
                close = k;
                break;
            }
        }

        return open >= 0 && close >= 0 && close - open - 1 <= 4;
    }

    private static bool IsQuoteMark(string w) => w is "\"" or "“" or "”" or "'" or "‘" or "’" or "``" or "''";

    /// <summary>Codes one trigger; returns the sources it used, which a following coordinated verb ("… and has urged") shares.</summary>
    private List<ActorPhrase> CodeTrigger(Context c, TextSpan sentence, int s, int e, Trigger t, bool sportsSentence, List<ActorPhrase>? inherited,
        ImmutableArray<EventMention>.Builder output)
    {
        var words = c.Words;
        var passive = !t.Pattern.StatesIntent && !t.Pattern.Governs && IsPassive(words, s, t.Start);
        var clauseStart = ClauseStart(words, s, t.Start);
        var before = c.Phrases.Where(p => p.Start >= clauseStart && p.End <= t.Start).ToList();
        var afterLimit = TargetLimit(c, t.ActEnd, e);
        var after = c.Phrases.Where(p => p.Start > t.Start && p.End <= afterLimit).ToList();

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

            if (sources.Count == 0 && QuoteSpeaker(c, t.Start) is { } speaker)
            {
                // Inside a direct quote with no subject of its own, the act is the speaker's ("holding summit talks … won't change," Ishiba said).
                sources = [speaker];
            }

            targets = t.Pattern.NoTarget ? [] : ObjectOf(c, after, sources, p => Participant(c, p, s, e, e) is not null);
        }

        if (t.Code.StartsWith("11", StringComparison.Ordinal) && targets.Count == 1 && targets[0].Start > 0 && words[targets[0].Start - 1] == "to")
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
            var own = sources.Select(x => CountryOf(x.Code)).ToHashSet(StringComparer.Ordinal);
            targets = [.. targets.Where(x => !own.Contains(CountryOf(x.Code)))];
        }

        var subjectEnd = sources.Count > 0 && sources[^1].End <= t.Start && sources[^1].Code != string.Empty ? sources[^1].End : clauseStart;
        if (passive && targets.Count > 0 && targets[^1].End <= t.Start)
        {
            subjectEnd = targets[^1].End;
        }

        var modality = Modality(words, Math.Max(clauseStart, subjectEnd), t.Start, out var negated, out var willNot);
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

        var act = _lexicon.Code(actCode) ?? info;
        var plover = act.Plover.Length > 0 ? act.Plover : info.Plover;
        var date = EventDate(c, sentence, t);
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
            foreach (var tgt in targets)
            {
                var target = Participant(c, tgt, s, e, e);
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
            if (ClauseBreakers.Contains(words[k]) || words[k] is "that" or "whether" or "because" or "while" or "after" or "before" or "since" or "when" or "unless" or "if"
                || (ReportingVerbs.Contains(words[k]) && k < trigger - 1))
            {
                return k + 1;
            }
        }

        return s;
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
            return null;
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
            return null;
        }

        return c.Phrases.LastOrDefault(p => p.Start >= s && p.End <= verb && p.Code is not null);
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
        var candidates = after.Where(p => (p.Code is not null || p.Sector is not null) && !p.Owned && !sources.Any(s => s.ActorId is not null && s.ActorId == p.ActorId)
            && resolves(p)).ToList();
        var own = sources.Select(x => x.Code is { Length: >= 3 } sc ? sc[..3] : null).ToHashSet(StringComparer.Ordinal);

        // "cooperation between Japan and South Korea" said by Japan: the partner is South Korea.
        var first = candidates.FirstOrDefault(p => p.Kind != ActorPhrase.Place || p.Code is null || !own.Contains(p.Code[..Math.Min(3, p.Code.Length)]))
            ?? candidates.FirstOrDefault();
        after = candidates;
        if (first is null)
        {
            return [];
        }

        var result = new List<ActorPhrase> { first };
        var idx = after.IndexOf(first);
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

    /// <summary>Where to stop looking for the target: a reporting clause (", officials said"), "according to", or the sentence end.</summary>
    private static int TargetLimit(Context c, int from, int e)
    {
        var words = c.Words;
        for (var k = from; k < e; k++)
        {
            if (words[k] is ";" or "after" or "before" or "when" or "because" or "while" or "since" or "until" or "although" or "though" or "unless" or "if" or "as"
                || (words[k] == "," && k + 1 < e && (words[k + 1] is "according" or "saying" or "adding" or "which" or "who" or "as" or "but"
                || Enumerable.Range(k + 1, Math.Min(6, e - k - 1)).Any(j => ReportingVerbs.Contains(words[j])))))
            {
                return k;
            }
        }

        return e;
    }

    private static string Modality(string[] words, int from, int trigger, out bool negated, out bool willNot)
    {
        negated = false;
        willNot = false;
        var modality = EventMention.Actual;
        for (var k = Math.Max(from, trigger - 6); k < trigger; k++)
        {
            var w = words[k];
            if (NegationWords.Contains(w))
            {
                negated = true;
                willNot |= k > 0 && words[k - 1] is "will" or "wo" or "would" or "'ll" or "’ll" or "can" or "ca";
            }
            else if (DemandWords.Contains(w) || w == "has" && k + 1 < trigger && words[k + 1] == "to")
            {
                modality = EventMention.Demanded;
            }
            else if (HypotheticalWords.Contains(w))
            {
                modality = EventMention.Hypothetical;
            }
            else if (IntentWords.Contains(w) && modality == EventMention.Actual)
            {
                modality = EventMention.Intended;
            }
        }

        return modality;
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

    /// <summary>An act dated well before the article ("resumed visits in 2023", "blew up a plane in 1988") is history.</summary>
    private static bool IsHistory(Context c, TextSpan sentence, Trigger t)
    {
        if (c.DocDate is not { } doc)
        {
            return false;
        }

        var from = c.Tokens[Math.Max(0, t.Start - 3)].Start;
        var to = c.Tokens[Math.Min(c.Tokens.Length - 1, t.ActEnd + 6)].End;
        var opening = sentence.Start + 4; // "In 2014, Chinese fighter jets flew …": a year that opens the sentence dates all of it
        foreach (var time in c.Times)
        {
            if (!sentence.Contains(time.Span) || ((time.Span.End < from || time.Span.Start > to) && time.Span.Start > opening) || time.Value.Length < 4
                || !int.TryParse(time.Value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                continue;
            }

            if (year < doc.Year - 1 || (time.Kind == "interval" && year < doc.Year - 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the act took place: the first place named after the verb with "in", "at" or "near" ("held talks in Tokyo"),
    /// as written, when it is not the event's source or target.
    /// </summary>
    private static string? Location(Context c, Trigger t, int e, List<ActorPhrase> sources, List<ActorPhrase> targets)
    {
        var limit = TargetLimit(c, t.ActEnd, e);
        var place = c.Phrases.FirstOrDefault(p => p.Kind == ActorPhrase.Place && p.Start >= t.End && p.End <= limit && p.Start > 0
            && c.Words[p.Start - 1] is "in" or "at" or "near" or "inside" && !sources.Contains(p) && !targets.Contains(p));
        return place is null ? null : c.Text[c.Tokens[place.Start].Start..c.Tokens[place.End - 1].End];
    }

    /// <summary>The date the sentence gives the act ("on Wednesday" → 2025-06-04), else the article's date.</summary>
    private static string? EventDate(Context c, TextSpan sentence, Trigger t)
    {
        var at = c.Tokens[t.Start].Start;
        var best = c.Times.Where(x => sentence.Contains(x.Span) && x.Kind == "date")
            .OrderBy(x => Math.Abs(x.Span.Start - at)).FirstOrDefault();
        return best?.Value ?? c.DocDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The phrase as an event participant. A group or office with no country ("the military government", "President
    /// Prosper Avril") takes the country when the sentence names exactly one: news names the country of domestic actors once.
    /// </summary>
    /// <remarks>For a source, a country named after the verb counts only as the place of the act ("… declared a state of siege in
    /// Haiti"), not as the other party ("called for sanctions against Nigeria"): <paramref name="open"/> is where that starts.</remarks>
    private static EventParticipant? Participant(Context c, ActorPhrase p, int s, int e, int open)
    {
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
                .Select(x => x.Code![..3]).Where(x => !x.StartsWith("IGO", StringComparison.Ordinal) && !x.StartsWith("NGO", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).ToList();
            code = countries.Count == 1 ? countries[0] + sector : null;
        }

        if (code is { Length: >= 3 } && !code.StartsWith("IGO", StringComparison.Ordinal) && FormerBefore(c.Words, p.Start))
        {
            // "Former Socialist prime minister Andreas Papandreou": no longer in office, an elite (CAMEO ELI).
            code = code[..3] + "ELI";
        }

        return code is null ? null : new EventParticipant(code, new TextSpan(c.Tokens[p.Start].Start, c.Tokens[p.End - 1].End), p.ActorId);
    }
}
