using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Events;

public sealed partial class RuleEventCoder
{
    /// <summary>
    /// "Militants attacked a train … It came under fire hours after departure … six passengers were killed": an attack
    /// whose sentence names no attacker is by the armed group the story has established, when it has established exactly
    /// one: the one armed group (REB) coded as attacking in the story, or the one armed group it names (Al-Shabab, the BLA).
    /// Victims of another country, or armed themselves, keep the unknown attacker. This follows how the VOA set's
    /// annotators resolve agentless attacks ("perpetrator established so far"); a story with none or several groups keeps
    /// the source empty.
    /// </summary>
    private static void AttributeAgentlessAttacks(Context c, ImmutableArray<EventMention>.Builder events)
    {
        var attackers = events.Where(x => IsAttack(x.Cameo) && x.Source.Code is { Length: 6 } code && code.EndsWith("REB", StringComparison.Ordinal))
            .Select(x => x.Source).ToList();
        var groups = attackers.Select(x => x.Code).Concat(c.Phrases
                .Where(p => p.Kind == ActorPhrase.Organization && p.Code is { Length: 6 } code && code.EndsWith("REB", StringComparison.Ordinal))
                .Select(p => p.Code!))
            .Distinct(StringComparer.Ordinal).ToList();
        if (groups.Count != 1)
        {
            return;
        }

        var group = groups[0];
        var perpetrator = attackers.FirstOrDefault() ?? c.Phrases.Where(p => p.Code == group).Select(p =>
            new EventParticipant(group, new TextSpan(c.Tokens[p.Start].Start, c.Tokens[p.End - 1].End), p.ActorId)).First();
        for (var i = 0; i < events.Count; i++)
        {
            var x = events[i];
            if (x.Source.Code.Length == 0 && IsAttack(x.Cameo) && x.Target?.Code is { Length: >= 3 } victim
                && !victim.EndsWith("REB", StringComparison.Ordinal) && victim[..3] == group[..3])
            {
                events[i] = x with { Source = perpetrator };
            }
        }
    }

    private static readonly FrozenSet<string> ArmedSectors = new[] { "MIL", "REB", "COP", "UAF", "SPY", "INS", "SEP" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CivicSectors = new[] { "GOV", "PTY", "OPP", "LEG", "JUD", "BUS", "MED", "EDU", "ELI", "LAB", "NGO", "HLH", "REL" }.ToFrozenSet(StringComparer.Ordinal);

    private static bool IsForce(string cameo) => cameo.Length >= 2 && cameo[..2] is "18" or "19" or "20";

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

    /// <summary>An attack, a clash or a broadside in words is criticism (CAMEO 111); other figurative force is no event.</summary>
    private static bool VerbalForce(Context c, Trigger t) =>
        Enumerable.Range(t.Start, t.ActEnd - t.Start).Any(k => c.Words[k] is "attack" or "attacked" or "attacks" or "attacking" or "clash" or "clashed"
            or "clashes" or "clashing" or "barrels" or "broadside");

    /// <summary>Abductions, assaults, force and mass violence (CAMEO 18, 19, 20).</summary>
    private static bool IsAttack(string cameo) => cameo.Length >= 2 && cameo[..2] is "18" or "19" or "20";
}
