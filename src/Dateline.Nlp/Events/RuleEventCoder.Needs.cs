using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Events;

public sealed partial class RuleEventCoder
{
    /// <summary>Predicates that say something must be done (syntax_word_classes.tsv, class need).</summary>
    private static readonly FrozenSet<string> NeedPredicates = WordClass("need");

    /// <summary>
    /// "He said a firm, unified international response was urgently needed", "the minister said more aid was essential":
    /// a speaker who reports that an act or a measure is needed asks for it (CAMEO 020, PLOVER REQUEST), of no one in
    /// particular unless the clause names an actor as its subject. Read off the tree: the predicate is the complement of
    /// a reporting verb whose subject is an actor (not "reported": a newspaper's report of a condition asks nothing); not
    /// negated, not a question, not hedged.
    /// </summary>
    private void ReportedNeeds(Context c, TextSpan sentence, int s, int e, ImmutableArray<EventMention>.Builder output)
    {
        if (c.Tree is not { } tree || e > tree.Count || _lexicon.Code("020") is not { } info)
        {
            return;
        }

        var words = c.Words;
        for (var m = s; m < e; m++)
        {
            if (!NeedPredicates.Contains(tree.Lemma(m)) || tree.Upos(m) is not ("ADJ" or "VERB")
                || (tree.Upos(m) == "VERB" && !tree.IsPassive(m))
                || tree.BaseRel(m) is not ("ccomp" or "parataxis") || tree.Head(m) is not (var report and >= 0)
                || !ReportingLemmas.Contains(tree.Lemma(report)) || tree.Lemma(report) == "report")
            {
                continue;
            }

            if (tree.Children(m).Any(k => tree.BaseRel(k) == "advmod" && words[k] is "not" or "n't" or "never")
                || tree.Children(m).Any(k => tree.BaseRel(k) is "nsubj" or "nsubj:pass" && tree.Children(k).Any(d => words[d] is "no" or "nothing"))
                || tree.Children(m).Any(k => tree.BaseRel(k) == "aux" && HypotheticalWords.Contains(words[k]))
                || tree.Children(m).Any(k => tree.BaseRel(k) == "mark" && words[k] is "if" or "whether"))
            {
                continue;
            }

            var said = tree.Children(report).Where(x => tree.BaseRel(x) == "nsubj").DefaultIfEmpty(-1).First();
            var speaker = said < 0 ? null : c.Phrases.LastOrDefault(p => p.Start <= said && said < p.End)
                ?? (words[said] is "he" or "she" or "they" ? PronounBefore(c, said, said + 1, s) : null);
            var source = speaker is null ? null : Participant(c, speaker, s, e, m);
            if (source is null)
            {
                continue;
            }

            var subject = tree.Children(m).Where(x => tree.BaseRel(x) is "nsubj" or "nsubj:pass")
                .Select(x => c.Phrases.LastOrDefault(p => p.Start <= x && x < p.End && p.Code is not null)).FirstOrDefault(p => p is not null);
            var target = subject is null ? null : Participant(c, subject, s, e, e);
            if (target is not null && target.Code == source.Code || output.Any(x => x.Evidence == sentence && x.Source.Code == source.Code && x.PloverAct == info.Plover))
            {
                continue;
            }

            var trigger = new TextSpan(c.Tokens[m].Start, c.Tokens[m].End);
            output.Add(new EventMention(source, target, "020", info.Plover, info.Plover, info.Mode, info.Quad, info.Goldstein,
                EventDate(c, sentence, m), null, false, EventMention.Actual, sentence, trigger, "reported-need", 0.5));
        }
    }
}
