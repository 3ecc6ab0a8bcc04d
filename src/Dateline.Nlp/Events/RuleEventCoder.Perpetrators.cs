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

    /// <summary>Abductions, assaults, force and mass violence (CAMEO 18, 19, 20).</summary>
    private static bool IsAttack(string cameo) => cameo.Length >= 2 && cameo[..2] is "18" or "19" or "20";
}
