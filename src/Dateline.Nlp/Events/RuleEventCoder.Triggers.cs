using System.Collections.Frozen;

namespace Dateline.Nlp.Events;

/// <summary>
/// Finding triggers and the rules that keep a matched pattern from counting: noun uses, scare quotes, relative and
/// background clauses, elaborations of an earlier act, attributions, sports results.
/// </summary>
public sealed partial class RuleEventCoder
{
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

        // "a roadside bomb", "a car bomb near the town": a weapon word after anything but a subject or an auxiliary is the noun.
        if (Weapons.Contains(words[t.Start]) && t.Start > s && !Auxiliaries.Contains(before) && before is not ("to" or "and" or "they" or "we" or "he" or "she" or "it")
            && !c.Phrases.Any(p => p.End == t.Start))
        {
            return true;
        }

        // "their political demands", "growing pressure": an adjective between a determiner and the word, or an -ing modifier.
        var before2 = t.Start > s + 1 ? words[t.Start - 2] : string.Empty;
        if ((Determiners.Contains(before2) && AdjectiveLike(before)) || char.IsDigit(before.Length > 0 ? before[0] : 'x')
            || before is "press" or "news" or "growing" or "mounting" or "increasing" or "continuing" or "renewed" or "fresh" or "new" or "two" or "three" or "four" or "several" or "many")
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
                if (end > i + 1 && end < e && words[end - 1] == "to" && !p.Governs
                    && c.Tree is { } tree && end < tree.Count && tree.Upos(end) is "VERB" or "AUX")
                {
                    // "a proponent of talks to bring Turkey within the EU": "to" opens an infinitive, not the pattern's "talk to".
                    end = -1;
                }

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
}
