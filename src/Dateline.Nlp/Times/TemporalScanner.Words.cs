using System.Collections.Frozen;

namespace Dateline.Nlp.Times;

/// <summary>The word lists and the tense cues of <see cref="TemporalScanner"/>.</summary>
internal sealed partial class TemporalScanner
{
    /// <summary>Words before a month, weekday or year that make it temporal ("in May", "since 2019").</summary>
    private static readonly FrozenSet<string> TemporalPrepositions = FrozenSet.ToFrozenSet(
        ["in", "on", "since", "until", "till", "by", "before", "after", "from", "through", "during", "early", "mid",
            "late", "last", "next", "this", "of", "between", "to", "and", "or"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a four-digit number that make it a count ("about 2000 people"), not a year.</summary>
    private static readonly FrozenSet<string> QuantityCues = FrozenSet.ToFrozenSet(
        ["about", "around", "nearly", "almost", "some", "over", "under", "than", "approximately", "roughly", "least",
            "only", "just", "$", "€", "£", "¥", "No.", "no.", "number", "#", "top", "total"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> PartsOfDay = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["morning"] = "MO",
        ["afternoon"] = "AF",
        ["evening"] = "EV",
        ["night"] = "NI",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1,
        ["an"] = 1,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Tense for weekdays and months named without a year: future when a future cue ("will", "plans", "scheduled")
    /// comes before the expression in the sentence, or within six words after it, with no past cue nearer.
    /// </summary>
    private bool IsFuture(int i)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            if (Cue(words[k]) is { } before)
            {
                return before;
            }
        }

        for (var k = i + 1; k < Math.Min(words.Length, i + 7); k++)
        {
            if (Cue(words[k]) is { } after)
            {
                return after;
            }
        }

        return false;
    }

    private static bool? Cue(string w) => w.ToLowerInvariant() switch
    {
        "will" or "'ll" or "’ll" or "shall" or "scheduled" or "due" or "plans" or "planned" or "hopes" or "aims" or "intends" or "upcoming" => true,
        "said" or "told" or "was" or "were" or "had" or "did" or "held" or "announced" or "met" or "ago" => false,
        _ => null,
    };
}
