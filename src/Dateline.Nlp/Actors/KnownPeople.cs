using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Actors;

/// <summary>
/// Codes a person the text names without a title or a country ("Putin offered talks", "Gbagbo announced") from
/// Data/leaders.tsv. The full name (or a multi-word alias) is looked up first. A one-word name ("Putin", "Lula") is
/// used only when the document gives no fuller name, no other person in the document shares the word, and the word
/// points at one leader, or at one leader in office on the document date. With a date the term covering it gives
/// country, office and sector (Putin 2009 → RUS Prime Minister GOV); a leader out of office on that date is the
/// country + ELI ("former President"). Without a date the most recent term wins. Heads of international
/// organisations take the organisation's code (IGOUNO…).
/// </summary>
internal sealed class KnownPeople(ActorLexicon lexicon, Leaders leaders)
{
    /// <summary>Every word (of two letters or more) of every leader's name → the leaders whose names have it.</summary>
    private readonly Lazy<Dictionary<string, List<string>>> _byPart = new(() => leaders.TermsOf.Keys
        .SelectMany(n => Leaders.Key(n).Split(' ').Where(w => w.Length > 1).Distinct().Select(w => (Word: w, Name: n)))
        .GroupBy(x => x.Word, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Name).Distinct().ToList(), StringComparer.Ordinal));

    /// <summary>What the gazetteer says about a person: <see cref="FixedCode"/> is set for heads of IGOs.</summary>
    public sealed record Coding(string Person, string? Country, string? Role, string? Sector, string? FixedCode);

    /// <param name="name">The person's longest name in the document.</param>
    /// <param name="aliases">The other forms the document used.</param>
    /// <param name="date">The article's date, when known.</param>
    /// <param name="otherPeople">Names of the other persons in the document.</param>
    public Coding? Find(string name, IEnumerable<string> aliases, DateOnly? date, IReadOnlyCollection<string> otherPeople)
    {
        var key = Leaders.Key(name);
        if (key.Contains(' ', StringComparison.Ordinal))
        {
            return FindByFullName(name, aliases, date);
        }

        var shared = otherPeople.Any(o => Leaders.Key(o).Split(' ').Contains(key, StringComparer.Ordinal));
        return !shared && Pick(leaders.ByWord.GetValueOrDefault(key), date) is { } one ? Code(one, date) : null;
    }

    /// <summary>
    /// A person by a name of two or more words (or one of the document's other multi-word forms), as written or with
    /// its two words swapped (family name first, as Japanese, Chinese and Hungarian media write them).
    /// </summary>
    public Coding? FindByFullName(string name, IEnumerable<string> aliases, DateOnly? date)
    {
        var forms = aliases.Prepend(name).Select(Leaders.Key).Where(k => k.Contains(' ', StringComparison.Ordinal)).Distinct().ToList();
        foreach (var form in forms.Concat(forms.Select(Swapped).OfType<string>()))
        {
            if (Pick(leaders.ByName.GetValueOrDefault(form) ?? leaders.ByName.GetValueOrDefault(Leaders.WithoutInitials(form)), date) is { } person)
            {
                return Code(person, date);
            }
        }

        return null;

        static string? Swapped(string key) => key.Split(' ') is [var a, var b] ? b + " " + a : null;
    }

    /// <summary>
    /// The one leader of <paramref name="country"/> in office on <paramref name="date"/> with <paramref name="word"/> in
    /// their name ("South Korea's President Lee" in June 2025 → Lee Jae Myung), or null when none or several.
    /// </summary>
    public Coding? FindInOffice(string word, string country, DateOnly date)
    {
        if (!_byPart.Value.TryGetValue(Leaders.Key(word), out var names))
        {
            return null;
        }

        var matches = names.Where(n => leaders.TermsOf[n].Any(t => t.Country == country && t.Covers(date))).ToList();
        return matches.Count == 1 ? Code(matches[0], date) : null;
    }

    /// <summary>
    /// The country every leader with this surname served, when they all served the same one ("Bush", "Clinton" → USA),
    /// for "the Bush administration" on a date when neither was in office; null when the surname is shared across countries.
    /// </summary>
    public string? SharedCountry(string surname)
    {
        var candidates = leaders.ByWord.GetValueOrDefault(Leaders.Key(surname));
        if (candidates is null || candidates.Count == 0)
        {
            return null;
        }

        var countries = candidates.SelectMany(c => leaders.TermsOf[c]).Select(t => t.Country).Distinct(StringComparer.Ordinal).ToList();
        return countries.Count == 1 && countries[0].Length == 3 ? countries[0] : null;
    }

    /// <summary>The one candidate, or the one in office on the date.</summary>
    private string? Pick(HashSet<string>? candidates, DateOnly? date)
    {
        if (candidates is null || candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count == 1)
        {
            return candidates.First();
        }

        if (date is not { } d)
        {
            return null;
        }

        var inOffice = candidates.Where(c => leaders.TermsOf[c].Any(t => t.Covers(d))).ToList();
        return inOffice.Count == 1 ? inOffice[0] : null;
    }

    private Coding Code(string person, DateOnly? date)
    {
        var terms = leaders.TermsOf[person];
        if (date is { } d)
        {
            var current = terms.Where(t => t.Covers(d)).OrderBy(t => IsHead(t) ? 0 : 1).ThenBy(t => t.Row).FirstOrDefault();
            if (current is not null)
            {
                return InOffice(current);
            }

            var past = terms.Where(t => t.To < d).MaxBy(t => t.To);
            var term = past ?? terms.MinBy(t => t.From)!;
            var role = past is null ? null : "former " + past.Office;
            return IsIgo(term.Country)
                ? new Coding(person, null, role, null, null)
                : new Coding(person, term.Country, role, "ELI", null);
        }

        return InOffice(terms.OrderByDescending(t => t.To ?? DateOnly.MaxValue).ThenBy(t => IsHead(t) ? 0 : 1).ThenByDescending(t => t.From).First());
    }

    private Coding InOffice(Leaders.Term term)
    {
        var sector = lexicon.Roles.GetValueOrDefault(term.Office.ToLowerInvariant())?.Sector;
        sector = sector is "*" or "" ? null : sector;
        return IsIgo(term.Country)
            ? new Coding(term.Name, null, term.Office, null, term.Country)
            : new Coding(term.Name, term.Country, term.Office, sector, null);
    }

    private bool IsHead(Leaders.Term term) => lexicon.Roles.GetValueOrDefault(term.Office.ToLowerInvariant())?.Rank == "head";

    private static bool IsIgo(string code) => code.Length > 3;
}
