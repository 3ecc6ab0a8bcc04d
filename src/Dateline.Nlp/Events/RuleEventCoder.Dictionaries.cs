using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Nlp.Events.Petrarch;

namespace Dateline.Nlp.Events;

/// <summary>
/// The hooks through which PETRARCH dictionaries (<see cref="EventDictionaries"/>) take part in coding: their actor
/// names as phrases, their discards, their patterns' codes taken as written (no modality refinement: PETRARCH codes
/// what the pattern says), their source/target positions, and paired codes <c>[a:b]</c>. Without dictionaries every
/// hook returns what it was given.
/// </summary>
public sealed partial class RuleEventCoder
{
    private readonly EventDictionaries? _dictionaries;

    private bool DiscardsStory(string[] words) => _dictionaries?.Source.Discards.DiscardsStory(words) == true;

    private bool DiscardsSentence(string[] words, int s, int e) => _dictionaries?.Source.Discards.DiscardsSentence(words, s, e) == true;

    private List<ActorPhrase> FindPhrases(string text, ImmutableArray<TextSpan> tokens, string[] words, ImmutableArray<Actor> actors,
        ImmutableArray<ActorMention> mentions, DateOnly? date)
    {
        if (_dictionaries is not { } d)
        {
            return _phrases.Find(text, tokens, words, actors, mentions, date: date);
        }

        var extra = d.ActorPhrases(text, tokens, words, date, actors, mentions);
        return _phrases.Find(text, tokens, words, actors, d.ReplacesDefaults ? [] : mentions, named => d.Merge(named, extra), date, leaders: !d.ReplacesDefaults);
    }

    private (string Code, string ActCode, List<ActorPhrase> Sources, List<ActorPhrase> Targets) ApplyDictionaryPattern(Context c, Trigger t,
        string code, string actCode, List<ActorPhrase> sources, List<ActorPhrase> targets, List<ActorPhrase> before, int clauseStart, int s)
    {
        if (_dictionaries?.PatternOf(t.Pattern) is not { } p)
        {
            return (code, actCode, sources, targets);
        }

        if (!p.SourceAfter && !p.TargetBefore)
        {
            return (t.Code, t.Code, sources, targets);
        }

        // "+ WAS * DEAD IN $": the actor before the pattern is the target, the one after it (or inside it) the source.
        var coded = c.Phrases.Where(x => x.Code is not null).ToList();
        var inside = coded.Where(x => x.Start >= t.Start && x.End <= t.End).ToList();
        var following = coded.FirstOrDefault(x => x.Start >= t.End);
        var subject = SubjectOf(c, before, clauseStart, t.Start, s);
        List<ActorPhrase> src, tgt;
        List<ActorPhrase> next = following is null ? [] : [following];
        if (p.TargetBefore && !p.SourceAfter)
        {
            tgt = inside.Count > 0 ? [inside[0]] : subject;
            src = inside.Count > 0 ? subject : next;
        }
        else if (p.SourceAfter && !p.TargetBefore)
        {
            src = inside.Count > 0 ? [inside[^1]] : next;
            tgt = subject;
        }
        else
        {
            tgt = subject.Count > 0 ? subject : inside.Take(1).ToList();
            src = following is not null ? [following] : inside.Skip(1).Take(1).ToList();
        }

        return (t.Code, t.Code, src, tgt);
    }

    /// <summary>"[032:033]": each event the trigger coded is answered by the second code from the target back to the source.</summary>
    private void AddPairedEvents(Trigger t, ImmutableArray<EventMention>.Builder output, int firstAdded)
    {
        if (_dictionaries?.PatternOf(t.Pattern) is not { PairCode: { } pair } || _lexicon.Code(pair) is not { } info || info.Plover.Length == 0)
        {
            return;
        }

        var end = output.Count;
        for (var i = firstAdded; i < end; i++)
        {
            var e = output[i];
            if (e.Target is { Code.Length: > 0 } target && e.Cameo == t.Code)
            {
                output.Add(e with { Source = target, Target = e.Source, Cameo = pair, PloverAct = info.Plover, Plover = info.Plover, Mode = info.Mode, QuadClass = info.Quad, Goldstein = info.Goldstein });
            }
        }
    }
}
