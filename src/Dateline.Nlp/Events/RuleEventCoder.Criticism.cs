using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Events;

/// <summary>
/// Criticism in reported speech: a speaker whose quoted or reported words pass an explicit negative judgement
/// ("utterly unacceptable", "inhumane", "flagrantly defying", "a sham") criticises (CAMEO 111, PLOVER ACCUSE), as
/// event codebooks code "explicitly pejorative characterisations of an actor's act". The speaker comes from the quote
/// layer (its actor, or the actor phrase of its speaker span); the target is the actor in the subject, possessor or
/// modifier of what is judged, if any. Not coded: a judgement under negation ("not unfair"), a question, a speaker who is an analyst or expert (an
/// opinion, not an act), a medium as speaker ("told the Guardian" is where, not who), a hedged or conditional
/// judgement ("could be illegal", "if …"), and a judgement the sentence already codes as an accusation ("condemned
/// the brutality").
/// </summary>
public sealed partial class RuleEventCoder
{
    private const string CriticismRule = "criticism-in-speech";

    private static readonly FrozenSet<string> Pejoratives = WordClass("pejorative");

    private static readonly FrozenSet<string> PredicatePejoratives = WordClass("pejorative-predicate");

    /// <summary>Predicates whose subject did what they govern: "was involved in corrupt acts", "committed atrocities" (class agency).</summary>
    private static readonly FrozenSet<string> AgencyPredicates = WordClass("agency");

    private static readonly FrozenSet<string> Hedges = new[] { "could", "might", "may", "would", "should" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of the roles.tsv rows for analysts and academics: their judgements are opinions, not acts.</summary>
    private static readonly FrozenSet<string> Commentators = Lexicons.ActorLexicon.Default.Roles
        .Where(r => r.Value.Title is "Analyst" or "Academic").Select(r => r.Key).Where(k => !k.Contains(' ', StringComparison.Ordinal))
        .ToFrozenSet(StringComparer.Ordinal);

    private void CodeCriticism(Context c, ImmutableArray<TextSpan> sentences, ImmutableArray<EventMention>.Builder output)
    {
        foreach (var q in c.Quotes)
        {
            if (q.Speaker is not { } speakerSpan)
            {
                continue;
            }

            // A quote that runs over several sentences ("… utterly unacceptable," he said. "The military continues to
            // defy calls …") passes a judgement in each: one criticism per sentence, as events are coded sentence by sentence.
            var (qs, qe) = ActorPhraseFinder.TokenRange(c.Tokens, q.Content);
            foreach (var sentence in sentences.Where(x => x.Start < q.Content.End && q.Content.Start < x.End))
            {
                var (s, e) = ActorPhraseFinder.TokenRange(c.Tokens, sentence);
                var (cs, ce) = (Math.Max(qs, s), Math.Min(qe, e));
                if (cs < ce)
                {
                    CodeJudgement(c, sentences, q, speakerSpan, sentence, s, e, cs, ce, output);
                }
            }
        }
    }

    private void CodeJudgement(Context c, ImmutableArray<TextSpan> sentences, QuoteMention q, TextSpan speakerSpan, TextSpan sentence, int s, int e, int cs, int ce,
        ImmutableArray<EventMention>.Builder output)
    {
        var term = PejorativeIn(c, cs, ce);
        if (term < 0 || Enumerable.Range(cs, ce - cs + (ce < c.Words.Length ? 1 : 0)).Any(k => c.Words[k] == "?"))
        {
            return;
        }

        var source = Speaker(c, sentences, q, speakerSpan);
        if (source is null)
        {
            return;
        }

        // One criticism per sentence, and none where the sentence already codes the speaker's accusation ("condemned …").
        if (output.Any(x => x.Evidence == sentence && (x.Rule == CriticismRule || (x.Source.Code == source.Code && x.PloverAct == "ACCUSE"))))
        {
            return;
        }

        EventParticipant? target = null;
        foreach (var p in JudgedActors(c, term, cs, ce))
        {
            var candidate = Participant(c, p, s, e, e);
            if (candidate is not null && candidate.Code != source.Code)
            {
                target = candidate;
                break;
            }
        }

        // A verb of wrongdoing judges its doer: with no doer but the speaker ("he had defied the pundits") it judges no one.
        if (target is null && c.Tree is { } tree && tree.Upos(term) == "VERB")
        {
            return;
        }

        // A defiance of norms the quote reports ("Iran is flagrantly defying the Council", "the military continues to defy
        // calls") is the speaker's characterisation: coded as the speaker's accusation of the defier, not as the defier's act.
        if (target is not null)
        {
            var (from, to) = (c.Tokens[cs].Start, c.Tokens[ce - 1].End);
            for (var k = output.Count - 1; k >= 0; k--)
            {
                var x = output[k];
                if (x.Evidence == sentence && x.Cameo == "128" && x.Source.Code == target.Code && x.Trigger.Start >= from && x.Trigger.End <= to)
                {
                    output.RemoveAt(k);
                }
            }
        }

        var info = _lexicon.Code("111")!;
        var trigger = new TextSpan(c.Tokens[term].Start, c.Tokens[term].End);
        output.Add(new EventMention(source, target, "111", info.Plover, info.Plover, info.Mode, info.Quad, info.Goldstein, EventDate(c, sentence, term), null,
            false, EventMention.Actual, sentence, trigger, CriticismRule, target is null ? 0.5 : 0.6));
    }

    /// <summary>
    /// The first word of explicit negative judgement in [cs, ce) that no negation, hedge ("could be illegal") or
    /// condition ("if …", "unless …") governs, or -1; a predicate-only judgement counts only when it is not a noun's
    /// modifier ("illegal immigration").
    /// </summary>
    private static int PejorativeIn(Context c, int cs, int ce)
    {
        for (var k = cs; k < ce; k++)
        {
            var lemma = c.Tree is { } tree ? tree.Lemma(k).ToLowerInvariant() : c.Words[k];
            var negated = Enumerable.Range(Math.Max(cs, k - 2), k - Math.Max(cs, k - 2)).Any(j => c.Words[j] is "not" or "n't" or "never" or "no");
            var strong = Pejoratives.Contains(lemma) || Pejoratives.Contains(c.Words[k]);
            var predicate = PredicatePejoratives.Contains(lemma) || PredicatePejoratives.Contains(c.Words[k]);
            var judgement = ((strong || predicate) && !negated) || (c.Words[k] == "acceptable" && negated); // "is not acceptable"
            if (!judgement || Hedged(c, k))
            {
                continue;
            }

            if (predicate && !strong && c.Tree is { } t && t.BaseRel(k) is "amod" or "compound")
            {
                continue;
            }

            return k;
        }

        return -1;
    }

    /// <summary>A judgement that a modal ("could be illegal") or a condition ("if …", "unless …") on its clause makes no claim.</summary>
    private static bool Hedged(Context c, int k)
    {
        if (c.Tree is not { } t)
        {
            return Enumerable.Range(Math.Max(0, k - 4), k - Math.Max(0, k - 4)).Any(j => Hedges.Contains(c.Words[j]));
        }

        for (var node = k; node >= 0; node = t.Head(node))
        {
            foreach (var child in t.Children(node))
            {
                if ((t.BaseRel(child) == "aux" && Hedges.Contains(c.Words[child])) || (t.BaseRel(child) == "mark" && c.Words[child] is "if" or "unless"))
                {
                    return true;
                }
            }

            if (t.BaseRel(node) is "root" or "ccomp" or "parataxis")
            {
                break; // the clause the judgement is made in ends here
            }
        }

        return false;
    }

    /// <summary>
    /// Who the judgement is about: with the tree, the actors in the subject, possessor or modifier of what is judged
    /// ("Russia's illegal aggression", "Russian aggression", "Iran is flagrantly defying", "the Government's plans were
    /// irresponsible", "Lib Dem hypocrisy"); without it, every actor the words name, in order.
    /// </summary>
    private static IEnumerable<ActorPhrase> JudgedActors(Context c, int term, int cs, int ce)
    {
        if (c.Tree is { } t)
        {
            var judged = t.BaseRel(term) is "amod" or "advmod" && t.Head(term) >= 0 ? t.Head(term) : term;
            var found = false;
            // A passive's subject is the wronged, its agent the wrongdoer ("he has been betrayed by the British authorities").
            foreach (var p in ArgumentActors(c, t, judged, x => (t.BaseRel(x) is "nsubj" or "compound" or "amod" && t.Rel(x) != "nsubj:pass") || t.Rel(x) is "nmod:poss" or "obl:agent"))
            {
                found = true;
                yield return p;
            }

            // "Berisha was involved in corrupt acts", "the army committed atrocities": what is judged is what the subject of
            // a predicate of agency did.
            // An open complement's subject is its head's ("the military continues to defy calls").
            var head = t.Head(judged);
            if (!found && head >= 0 && ((t.BaseRel(judged) is "obj" or "obl" or "xcomp" && AgencyPredicates.Contains(t.Lemma(head).ToLowerInvariant()))
                || (t.BaseRel(judged) == "xcomp" && t.Upos(judged) == "VERB")))
            {
                foreach (var p in ArgumentActors(c, t, head, x => t.BaseRel(x) == "nsubj"))
                {
                    yield return p;
                }
            }

            yield break; // the other actors the words name are as often the wronged ("a betrayal of the workers") as the wrongdoer
        }

        foreach (var p in c.Phrases.Where(p => p.Start >= cs && p.End <= ce && p.Kind != ActorPhrase.Pronoun).OrderBy(p => p.Start))
        {
            yield return p;
        }
    }

    /// <summary>The actors (no pronouns) in the subtrees of a node's children that a relation test selects, in order.</summary>
    private static IEnumerable<ActorPhrase> ArgumentActors(Context c, Tree t, int node, Func<int, bool> relation)
    {
        foreach (var child in t.Children(node).Where(relation).ToList())
        {
            var (from, to) = SubtreeRange(t, child);
            foreach (var p in c.Phrases.Where(p => p.Start >= from && p.End <= to + 1 && p.Kind != ActorPhrase.Pronoun).OrderBy(p => p.Start))
            {
                yield return p;
            }
        }
    }

    /// <summary>The first and last token of a node's subtree (projective trees: a contiguous span).</summary>
    private static (int From, int To) SubtreeRange(Tree t, int node)
    {
        var (from, to) = (node, node);
        foreach (var child in t.Children(node))
        {
            var (f, l) = SubtreeRange(t, child);
            (from, to) = (Math.Min(from, f), Math.Max(to, l));
        }

        return (from, to);
    }

    /// <summary>The quote's speaker as an event participant: its actor, else the actor phrase its speaker span holds.</summary>
    private static EventParticipant? Speaker(Context c, ImmutableArray<TextSpan> sentences, QuoteMention q, TextSpan span)
    {
        var (ss, se) = ActorPhraseFinder.TokenRange(c.Tokens, span);
        if (Enumerable.Range(ss, Math.Max(0, se - ss)).Any(k => Commentators.Contains(c.Words[k])))
        {
            return null;
        }

        if (q.SpeakerActorId is { } id && c.Actors.TryGetValue(id, out var actor) && (actor.Code ?? actor.Country) is { } code)
        {
            return code.EndsWith("MED", StringComparison.Ordinal) ? null : new EventParticipant(code, span, id);
        }

        var phrase = c.Phrases.Where(p => p.Start < se && ss < p.End && (p.Code is not null || p.Sector is not null))
            .OrderByDescending(p => p.Code is not null ? 1 : 0).ThenByDescending(p => p.Kind == ActorPhrase.Person ? 1 : 0).FirstOrDefault(); // "a spokesman for the Chinese foreign ministry"
        if (phrase is null)
        {
            return null;
        }

        var sentence = sentences.FirstOrDefault(x => x.Start <= span.Start && span.Start < x.End);
        var (s, e) = sentence.End > sentence.Start ? ActorPhraseFinder.TokenRange(c.Tokens, sentence) : (ss, se);
        var participant = Participant(c, phrase, s, e, phrase.End);

        // A newspaper or broadcaster as the speaker is mostly where the words were said ("told the Guardian"), not who said them.
        return participant is null || participant.Code.EndsWith("MED", StringComparison.Ordinal) ? null : participant;
    }
}
