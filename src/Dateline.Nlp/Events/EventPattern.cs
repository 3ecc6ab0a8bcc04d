using System.Collections.Frozen;

namespace Dateline.Nlp.Events;

/// <summary>
/// One compiled line of event_verbs.tsv: a sequence of elements (a set of word sequences, or a gap of up to
/// <see cref="MaxGap"/> words) with the CAMEO code it reports and its flags.
/// </summary>
public sealed class EventPattern
{
    public const int MaxGap = 6;

    private readonly Element[] _elements;

    private EventPattern(Element[] elements, string code, string rule, string text, IReadOnlySet<string> flags)
    {
        _elements = elements;
        Code = code;
        Rule = rule;
        Text = text;
        Governs = flags.Contains("gov");
        GovernsClause = flags.Contains("that");
        CrowdOnly = flags.Contains("crowd");
        StateOnly = flags.Contains("state");
        NoTarget = flags.Contains("notarget");
        Undergoes = flags.Contains("undergo");
        StatesIntent = flags.Contains("intent");
        AsksQuestion = flags.Contains("question");
        NeedsActorObject = flags.Contains("actor");
        JointCode = flags.FirstOrDefault(f => f.StartsWith("joint=", StringComparison.Ordinal))?["joint=".Length..];
    }

    public string Code { get; }

    /// <summary>Where the pattern came from and its line number, e.g. "default:12"; recorded on every event it codes.</summary>
    public string Rule { get; }

    public string Text { get; }

    public bool Governs { get; }

    public bool GovernsClause { get; }

    public bool CrowdOnly { get; }

    public bool StateOnly { get; }

    public bool NoTarget { get; }

    /// <summary>The pattern's subject is acted on, as in a passive ("the convoy came under fire"): it is the target.</summary>
    public bool Undergoes { get; }

    public bool StatesIntent { get; }

    /// <summary>The verb also asks questions ("asked whether"): only a governed act with a stated asker is a request.</summary>
    public bool AsksQuestion { get; }

    /// <summary>The verb acts on someone: with a thing as its object ("met the targets", "released its results") it is no event.</summary>
    public bool NeedsActorObject { get; }

    /// <summary>The code to use instead when two or more countries act together ("French and Egyptian warships held exercises").</summary>
    public string? JointCode { get; }

    /// <summary>True when the pattern is one inflected verb ("~attack"), which can also be a noun ("a bomb attack").</summary>
    public bool SingleVerb => _elements.Length == 1 && Text.StartsWith('~');

    /// <summary>How many words the pattern must match at least (gaps count zero); longer patterns win.</summary>
    public int Weight { get; private init; }

    internal IEnumerable<string> FirstWords => _elements[0].Sequences.Select(s => s[0]).Distinct(StringComparer.Ordinal);

    private sealed record Element(string[][] Sequences, bool IsGap);

    public static EventPattern Parse(string text, string code, string flags, string rule,
        IReadOnlyDictionary<string, (string[] Past, string[] Participle)> irregular)
    {
        var elements = new List<Element>();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "*")
            {
                elements.Add(new Element([], true));
                continue;
            }

            var inflectAll = part.StartsWith('~');
            var sequences = new List<string[]>();
            foreach (var alt in part.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = alt.TrimStart('~').ToLowerInvariant();
                var forms = inflectAll || alt.StartsWith('~') ? VerbForms.Of(word, irregular) : [word];
                sequences.AddRange(forms.Select(f => f.Split('_')));
            }

            elements.Add(new Element([.. sequences.DistinctBy(s => string.Join(' ', s))], false));
        }

        if (elements.Count == 0 || elements[0].IsGap || elements[^1].IsGap)
        {
            throw new InvalidDataException($"event pattern '{text}' must start and end with a word");
        }

        var flagSet = flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.Ordinal);
        return new EventPattern([.. elements], code, rule, text, flagSet)
        {
            Weight = elements.Where(e => !e.IsGap).Sum(e => e.Sequences.Min(s => s.Length)),
        };
    }

    private static readonly FrozenSet<string> Days = new[]
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "tonight",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The length of a time phrase of one or two words at <paramref name="at"/> ("on Monday", "yesterday", "last week"), or 0.</summary>
    private static int TimeLength(string[] words, int at, int end)
    {
        if (at < end && Days.Contains(words[at]))
        {
            return 1;
        }

        if (at + 1 < end && (words[at] == "on" && Days.Contains(words[at + 1])
            || words[at] is "last" or "this" or "next" && (Days.Contains(words[at + 1]) || words[at + 1] is "week" or "month" or "year" or "weekend")))
        {
            return 2;
        }

        return 0;
    }

    /// <summary>
    /// Matches at <paramref name="start"/> over lower-cased <paramref name="words"/> up to <paramref name="end"/>
    /// (exclusive); gaps never cross a word in <paramref name="isBarrier"/>. Returns the end of the match or -1.
    /// </summary>
    public int Match(string[] words, int start, int end, Func<int, bool> isBarrier) => MatchFrom(words, 0, start, end, isBarrier);

    private int MatchFrom(string[] words, int element, int at, int end, Func<int, bool> isBarrier)
    {
        if (element == _elements.Length)
        {
            return at;
        }

        var e = _elements[element];
        if (e.IsGap)
        {
            for (var skip = 0; skip <= MaxGap && at + skip < end; skip++)
            {
                if (skip > 0 && isBarrier(at + skip - 1))
                {
                    break;
                }

                var r = MatchFrom(words, element + 1, at + skip, end, isBarrier);
                if (r >= 0)
                {
                    return r;
                }
            }

            return -1;
        }

        if (element > 0)
        {
            // "called on Thursday for changes", "agreed yesterday to resume talks": a time between the pattern's words is
            // not part of it (and "insisted on Wednesday that" is no "insist on").
            at += TimeLength(words, at, end);
        }

        var best = -1;
        foreach (var seq in e.Sequences)
        {
            if (at + seq.Length > end)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < seq.Length && ok; k++)
            {
                ok = string.Equals(words[at + k], seq[k], StringComparison.Ordinal);
            }

            if (ok)
            {
                var r = MatchFrom(words, element + 1, at + seq.Length, end, isBarrier);
                best = Math.Max(best, r);
            }
        }

        return best;
    }
}
