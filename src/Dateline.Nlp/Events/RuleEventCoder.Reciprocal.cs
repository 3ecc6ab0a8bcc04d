using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Events;

public sealed partial class RuleEventCoder
{
    /// <summary>Nouns of fighting that name both sides with "between" (syntax_word_classes.tsv, class between-force).</summary>
    private static readonly FrozenSet<string> BetweenForce = WordClass("between-force");

    /// <summary>Nouns of talks that name both sides with "between" (class between-talks).</summary>
    private static readonly FrozenSet<string> BetweenTalks = WordClass("between-talks");

    /// <summary>
    /// "displaced by fighting between rebels and C.A.R. forces", "talks between Kenya and Uganda": a noun of fighting or
    /// talks with both sides after "between" is an act of each side on the other (CAMEO 190 or 040, both directions), as
    /// the VOA annotators code it. Not when the noun is hedged, negated or history, nor when a verb pattern already coded
    /// the same pair and type in the sentence.
    /// </summary>
    private void ReciprocalEvents(Context c, TextSpan sentence, int s, int e, ImmutableArray<EventMention>.Builder output)
    {
        var words = c.Words;
        for (var i = s; i + 4 < e; i++)
        {
            var code = BetweenForce.Contains(words[i]) ? "190" : BetweenTalks.Contains(words[i]) ? "040" : null;
            if (code is null || words[i + 1] != "between")
            {
                continue;
            }

            var first = c.Phrases.FirstOrDefault(p => p.Start == i + 2 || (p.Start == i + 3 && words[i + 2] == "the"));
            var second = first is null ? null : c.Phrases.FirstOrDefault(p => p.Start > first.End && p.Start <= first.End + 2 && words[first.End] is "and" or "&");
            if (first is null || second is null)
            {
                continue;
            }

            var a = Participant(c, first, s, e, e);
            var b = Participant(c, second, s, e, e);
            if (a is null || b is null || a.Code == b.Code || _lexicon.Code(code) is not { } info)
            {
                continue;
            }

            var modality = Modality(words, ClauseStart(words, s, i), i, out var negated, out _);
            if (modality != EventMention.Actual || negated || IsHistory(c, sentence, i, i + 1))
            {
                continue;
            }

            var trigger = new TextSpan(c.Tokens[i].Start, c.Tokens[i].End);
            foreach (var (source, target) in new[] { (a, b), (b, a) })
            {
                if (output.Any(x => x.Evidence == sentence && x.PloverAct == info.Plover && x.Source.Code == source.Code && x.Target?.Code == target.Code))
                {
                    continue;
                }

                output.Add(new EventMention(source, target, code, info.Plover, info.Plover, info.Mode, info.Quad, info.Goldstein,
                    EventDate(c, sentence, i), null, false, EventMention.Actual, sentence, trigger, "between", 0.6));
            }
        }
    }
}
