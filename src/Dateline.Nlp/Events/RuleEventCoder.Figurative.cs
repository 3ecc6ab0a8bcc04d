using System.Collections.Frozen;

namespace Dateline.Nlp.Events;

/// <summary>
/// Figures of speech: force between civic actors ("Top judge clashes with ministers", "Tony Blair has launched an attack on
/// Conservative spending plans") is criticism in words or no event.
/// </summary>
public sealed partial class RuleEventCoder
{
    private static readonly FrozenSet<string> ArmedSectors = new[] { "MIL", "REB", "COP", "UAF", "SPY", "INS", "SEP" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CivicSectors = new[] { "GOV", "PTY", "OPP", "LEG", "JUD", "BUS", "MED", "EDU", "ELI", "LAB", "NGO", "HLH", "REL" }.ToFrozenSet(StringComparer.Ordinal);

    private static bool Armed(string code) => code.Length >= 6 && ArmedSectors.Contains(code.Substring(3, 3));

    /// <summary>
    /// "Tory chairman attacked Labour's pledges", "Top judge clashes with ministers", "the two most senior people … are
    /// fighting each other": force between civic actors — a person, a party, a ministry, a court, a firm — with no armed
    /// side is a figure of speech. Crowds, armed groups and countries named bare ("Russia attacked Ukraine") keep their
    /// force; so does a person against an armed group.
    /// </summary>
    private static bool FigurativeForce(Context c, int s, int e, Trigger t, List<ActorPhrase> sources, List<ActorPhrase> targets)
    {
        if (sources.Count == 0)
        {
            return false;
        }

        foreach (var src in sources)
        {
            var code = src.Code == string.Empty ? null : Participant(c, src, s, e, t.Start)?.Code;
            var person = src.Kind == ActorPhrase.Person;
            // A person known only by nationality ("Mr Cable also attacked Labour's taxes") is civic against civic targets.
            var civic = code is { Length: >= 6 } && CivicSectors.Contains(code.Substring(3, 3))
                || person && code is { Length: 3 } && targets.Count > 0 && targets.All(x => Participant(c, x, s, e, e)?.Code is { Length: >= 6 } tc && CivicSectors.Contains(tc.Substring(3, 3)));
            if (!civic)
            {
                return false;
            }

            foreach (var tgt in targets)
            {
                var target = Participant(c, tgt, s, e, e)?.Code;
                if (target is not null && (Armed(target) || target.Length == 3 && !person || target.EndsWith("CVL", StringComparison.Ordinal)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Verbs of force that also attack in words ("attacked the plans", "clashed with ministers", "fired both barrels at").</summary>
    private static readonly FrozenSet<string> VerbalAttackLemmas = new[]
    {
        "attack", "slam", "blast", "savage", "lambast", "clash", "barrel", "broadside",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>An attack, a clash or a broadside in words is criticism (CAMEO 111); other figurative force is no event.</summary>
    private static bool VerbalForce(Context c, Trigger t) =>
        Enumerable.Range(t.Start, t.ActEnd - t.Start).Any(k => VerbalAttackLemmas.Contains(c.Tree is { } tree && k < tree.Count ? tree.Lemma(k) : c.Words[k]));
}
