using System.Globalization;

namespace Dateline.Nlp.Lexicons;

/// <summary>
/// Data/leaders.tsv: who held which office when. One <see cref="Term"/> per person, office and term; a person is
/// found by the full name or a multi-word alias (<see cref="ByName"/>) or by a one-word alias such as the surname
/// (<see cref="ByWord"/>), which the caller must treat as ambiguous when more than one person shares it.
/// </summary>
public sealed class Leaders
{
    private static readonly Lazy<Leaders> DefaultLazy = new(() => Parse(TsvResource.Rows("leaders.tsv")));

    public static Leaders Default => DefaultLazy.Value;

    /// <summary>One term in one office. <paramref name="To"/> is null while the person is still in office.</summary>
    public sealed record Term(string Name, string Country, string Office, DateOnly From, DateOnly? To, int Row)
    {
        public bool Covers(DateOnly date) => From <= date && (To is null || date <= To);
    }

    /// <summary>Every term of every person, in file order.</summary>
    public IReadOnlyList<Term> Terms => _terms;

    /// <summary>Normalised full names and multi-word aliases (<see cref="Key"/>) → person names.</summary>
    public Dictionary<string, HashSet<string>> ByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Normalised one-word aliases (surnames, "Lula", "MBS") → person names.</summary>
    public Dictionary<string, HashSet<string>> ByWord { get; } = new(StringComparer.Ordinal);

    /// <summary>Person name → that person's terms, in file order.</summary>
    public Dictionary<string, List<Term>> TermsOf { get; } = new(StringComparer.Ordinal);

    private readonly List<Term> _terms = [];

    /// <summary>Builds the index from rows with the leaders.tsv columns; throws <see cref="FormatException"/> on a bad row.</summary>
    public static Leaders Parse(IEnumerable<Dictionary<string, string>> rows)
    {
        var leaders = new Leaders();
        var n = 0;
        foreach (var row in rows)
        {
            n++;
            var name = row.GetValueOrDefault("name") ?? string.Empty;
            var country = row.GetValueOrDefault("country") ?? string.Empty;
            var office = row.GetValueOrDefault("office") ?? string.Empty;
            if (name.Length == 0 || country.Length == 0 || office.Length == 0)
            {
                throw new FormatException($"leaders.tsv row {n}: name, country and office are required");
            }

            var from = ParseDate(row.GetValueOrDefault("from"), end: false)
                ?? throw new FormatException($"leaders.tsv row {n} ({name}): bad or missing 'from'");
            var toText = row.GetValueOrDefault("to");
            DateOnly? to = string.IsNullOrEmpty(toText) ? null
                : ParseDate(toText, end: true) ?? throw new FormatException($"leaders.tsv row {n} ({name}): bad 'to' {toText}");
            if (to < from)
            {
                throw new FormatException($"leaders.tsv row {n} ({name}): 'to' is before 'from'");
            }

            var term = new Term(name, country, office, from, to, n);
            leaders._terms.Add(term);
            if (!leaders.TermsOf.TryGetValue(name, out var list))
            {
                leaders.TermsOf[name] = list = [];
            }

            list.Add(term);
            foreach (var form in TsvResource.List(row, "name").Concat(TsvResource.List(row, "aliases")))
            {
                foreach (var key in new[] { Key(form), WithoutInitials(Key(form)) }.Distinct())
                {
                    var index = key.Contains(' ', StringComparison.Ordinal) ? leaders.ByName : leaders.ByWord;
                    if (!index.TryGetValue(key, out var people))
                    {
                        index[key] = people = new HashSet<string>(StringComparer.Ordinal);
                    }

                    people.Add(name);
                }
            }
        }

        return leaders;
    }

    /// <summary>Lower case, no periods, hyphens as spaces, single spaces: "Lee Jae-myung" = "Lee Jae Myung", "George W. Bush" = "george w bush".</summary>
    public static string Key(string name)
    {
        var s = name.ToLowerInvariant().Replace(".", " ", StringComparison.Ordinal).Replace('-', ' ').Replace('’', '\'');
        return string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A <see cref="Key"/> without one-letter parts: "george w bush" → "george bush".</summary>
    public static string WithoutInitials(string key) => string.Join(' ', key.Split(' ').Where(p => p.Length > 1));

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD; a partial date is the first day of its period, or the last when <paramref name="end"/>.</summary>
    public static DateOnly? ParseDate(string? text, bool end)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2)
            || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        var y = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var m = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : end ? 12 : 1;
        if (y < 1 || m is < 1 or > 12)
        {
            return null;
        }

        var last = DateTime.DaysInMonth(y, m);
        var d = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : end ? last : 1;
        return d >= 1 && d <= last ? new DateOnly(y, m, d) : null;
    }
}
