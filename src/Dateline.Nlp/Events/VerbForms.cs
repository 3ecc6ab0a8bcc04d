namespace Dateline.Nlp.Events;

/// <summary>Every written form of an English verb: lemma, -s, -ed, -ing, with irregular pasts and doubled consonants.</summary>
public static class VerbForms
{
    private static readonly string[] Be = ["be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re"];

    public static IReadOnlyList<string> Of(string lemma, IReadOnlyDictionary<string, (string[] Past, string[] Participle)> irregular)
    {
        if (lemma == "be")
        {
            return Be;
        }

        var forms = new List<string> { lemma };
        var last = lemma[^1];
        var beforeLast = lemma.Length > 1 ? lemma[^2] : ' ';
        if (last == 'y' && !IsVowel(beforeLast))
        {
            var stem = lemma[..^1];
            forms.AddRange([stem + "ies", stem + "ied", lemma + "ing"]);
        }
        else if (last == 'e')
        {
            forms.AddRange([lemma + "s", lemma + "d", lemma[..^1] + "ing"]);
            if (lemma.EndsWith("ee", StringComparison.Ordinal))
            {
                forms.Add(lemma + "ing");
            }
        }
        else
        {
            var sibilant = lemma.EndsWith('s') || lemma.EndsWith('x') || lemma.EndsWith('z') || lemma.EndsWith("sh", StringComparison.Ordinal)
                || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('o');
            forms.AddRange([lemma + (sibilant ? "es" : "s"), lemma + "ed", lemma + "ing"]);
            if (!IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(beforeLast) && (lemma.Length < 3 || !IsVowel(lemma[^3])))
            {
                // ban → banned, control → controlled; "visit" → "visitted" is never written, so an extra form costs nothing.
                forms.AddRange([lemma + last + "ed", lemma + last + "ing"]);
            }
        }

        if (irregular.TryGetValue(lemma, out var irr))
        {
            forms.AddRange(irr.Past);
            forms.AddRange(irr.Participle);
        }

        return forms.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
