using System.Collections.Frozen;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Times;

/// <summary>
/// The words of Data/temporal.tsv that <see cref="RuleTemporalNormalizer"/> uses: weekday and month names (with their
/// abbreviations) and the fixed relative phrases ("yesterday", "last month", "earlier this year") with their rule.
/// </summary>
internal sealed class TemporalLexicon
{
    private TemporalLexicon(
        FrozenDictionary<string, int> weekdays,
        FrozenDictionary<string, int> months,
        FrozenSet<string> monthNames,
        IReadOnlyList<RelativePhrase> phrases)
    {
        MonthNames = monthNames;
        Weekdays = weekdays;
        Months = months;
        Phrases = phrases;
    }

    public static TemporalLexicon Default { get; } = Load();

    /// <summary>Weekday name or alias (case as written in the file) → ISO weekday 1–7.</summary>
    public FrozenDictionary<string, int> Weekdays { get; }

    /// <summary>Month name or alias (case as written in the file) → 1–12.</summary>
    public FrozenDictionary<string, int> Months { get; }

    /// <summary>Full month names ("June", not "Jun"): abbreviations need a period or a day number after them.</summary>
    public FrozenSet<string> MonthNames { get; }

    /// <summary>Relative phrases as lower-case word sequences, longest first.</summary>
    public IReadOnlyList<RelativePhrase> Phrases { get; }

    private static TemporalLexicon Load()
    {
        var weekdays = new Dictionary<string, int>(StringComparer.Ordinal);
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        var phrases = new List<RelativePhrase>();
        var monthNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvResource.Rows("temporal.tsv"))
        {
            var expression = row["expression"];
            var aliases = TsvResource.List(row, "aliases").ToList();
            switch (row["type"])
            {
                case "weekday":
                    foreach (var name in aliases.Prepend(expression))
                    {
                        weekdays[name] = int.Parse(row["value"], System.Globalization.CultureInfo.InvariantCulture);
                    }

                    break;
                case "month":
                    monthNames.Add(expression);
                    foreach (var name in aliases.Prepend(expression))
                    {
                        months[name] = int.Parse(row["value"], System.Globalization.CultureInfo.InvariantCulture);
                    }

                    break;
                case "relative_day" or "relative_week" or "relative_month" or "relative_year":
                    var offset = int.Parse(row["value"], System.Globalization.CultureInfo.InvariantCulture);

                    // "the past week/month/year" are ranges of days before the article date, not calendar periods
                    // (README, "Temporal rules"); they are not normalised yet, so they are not matched.
                    foreach (var phrase in aliases.Prepend(expression).Where(p => !p.StartsWith("the past ", StringComparison.Ordinal)))
                    {
                        phrases.Add(new RelativePhrase(phrase.Split(' '), row["rule"], offset));
                    }

                    break;
            }
        }

        phrases.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return new TemporalLexicon(weekdays.ToFrozenDictionary(StringComparer.Ordinal), months.ToFrozenDictionary(StringComparer.Ordinal), monthNames.ToFrozenSet(StringComparer.Ordinal), phrases);
    }
}

/// <summary>A fixed relative expression: its words (lower case), the temporal.tsv rule and the offset in units.</summary>
internal sealed record RelativePhrase(string[] Words, string Rule, int Offset);
