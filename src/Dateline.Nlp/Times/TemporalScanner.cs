using System.Collections.Frozen;
using System.Globalization;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Times;

/// <summary>
/// Finds temporal expressions in one sentence's tokens, left to right, longest rule first, and normalises them.
/// Spans exclude the preposition before an expression ("on [Wednesday]", "in [2023]"), as in TIMEX3, except for
/// ranges, whose "from … to" / "between … and" are part of the expression. Pure: no document access.
/// </summary>
internal sealed partial class TemporalScanner(TemporalLexicon lexicon, string[] words, DateOnly? date)
{
    /// <summary>A match: <paramref name="Start"/> and <paramref name="Length"/> in words, the ISO value and its kind.</summary>
    internal readonly record struct Match(int Start, int Length, string Value, string Kind);

    public IEnumerable<Match> Scan()
    {
        var i = 0;
        while (i < words.Length)
        {
            var m = TryRange(i) ?? TryIsoDate(i) ?? TryWeekdayDate(i) ?? TryMonth(i) ?? TryDayMonth(i) ?? TryDecade(i)
                ?? TryWeekday(i) ?? TryPhrase(i) ?? TryAgo(i) ?? TryYear(i);
            if (m is { } match)
            {
                yield return match;
                i = match.Start + match.Length;
            }
            else
            {
                i++;
            }
        }
    }

    private string W(int i) => i >= 0 && i < words.Length ? words[i] : string.Empty;

    private static bool Is(string word, string expected) => string.Equals(word, expected, StringComparison.OrdinalIgnoreCase);

    private static int? Year(string w, int min = 1000) =>
        w.Length == 4 && w.All(char.IsAsciiDigit) && int.Parse(w, CultureInfo.InvariantCulture) is var y && y >= min && y <= 2099 ? y : null;

    private static int? DayNumber(string w)
    {
        var digits = w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal)
            || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal) ? w[..^2] : w;
        return digits.Length is 1 or 2 && digits.All(char.IsAsciiDigit) && int.Parse(digits, CultureInfo.InvariantCulture) is var d && d is >= 1 and <= 31 ? d : null;
    }

    /// <summary>"1910-1945", "1910 – 1945", "from 1910 to 1945", "between 1910 and 1945" → "1910/1945".</summary>
    private Match? TryRange(int i)
    {
        if (RangeToken().Match(W(i)) is { Success: true } t && Interval(t.Groups[1].Value, t.Groups[2].Value) is { } v && !PluralNounAt(i + 1))
        {
            return new Match(i, 1, v, "interval");
        }

        if (Year(W(i)) is not null && W(i + 1) is "-" or "–" or "—" && Interval(W(i), W(i + 2)) is { } dashed && !PluralNounAt(i + 3))
        {
            return new Match(i, 3, dashed, "interval");
        }

        var joiner = Is(W(i), "from") ? "to" : Is(W(i), "between") ? "and" : null;
        return joiner is not null && Is(W(i + 2), joiner) && Interval(W(i + 1), W(i + 3)) is { } spelled && !PluralNounAt(i + 4)
            ? new Match(i, 4, spelled, "interval")
            : null;
    }

    /// <summary>A lower-case plural ("troops", "people"): the numbers before it are counts, not years.</summary>
    private bool PluralNounAt(int i) => W(i) is { Length: > 2 } w && w.All(char.IsAsciiLetterLower)
        && (w.EndsWith('s') || w is "people" or "children" or "men" or "women" or "police" or "personnel" or "staff");

    private static string? Interval(string from, string to) =>
        Year(from) is { } a && Year(to) is { } b && b > a ? $"{from}/{to}" : null;

    /// <summary>"2025-06-04", "2025/06/04".</summary>
    private Match? TryIsoDate(int i) =>
        IsoDateToken().Match(W(i)) is { Success: true } t
        && NewsCalendar.TryDate(int.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(t.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(t.Groups[3].Value, CultureInfo.InvariantCulture)) is { } d
            ? new Match(i, 1, NewsCalendar.Day(d), "date")
            : null;

    /// <summary>"Wednesday, June 4": the explicit date wins; the weekday is part of the span.</summary>
    private Match? TryWeekdayDate(int i)
    {
        if (WeekdayOf(W(i)) is null)
        {
            return null;
        }

        var next = W(i + 1) == "," ? i + 2 : i + 1;
        return TryMonth(next) is { Kind: "date" } m && m.Start == next ? new Match(i, m.Start + m.Length - i, m.Value, m.Kind) : null;
    }

    private int? MonthOf(string w, bool dayFollows) =>
        lexicon.Months.TryGetValue(w, out var m) && (w.EndsWith('.') || dayFollows || lexicon.MonthNames.Contains(w)) ? m : null;

    private int? WeekdayOf(string w) =>
        lexicon.Weekdays.TryGetValue(w, out var d) && (w.EndsWith('.') || w.Length > 5) ? d : null;

    /// <summary>"June 4, 2025", "June 4 2025", "June 4", "June 2025", "in June", "early June", "mid-June", "last June".</summary>
    private Match? TryMonth(int i)
    {
        var start = i;
        var word = W(i);
        string? part = null;
        foreach (var prefix in (string[])["mid-", "early-", "late-"])
        {
            if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && word.Length > prefix.Length)
            {
                part = prefix;
                word = word[prefix.Length..];
            }
        }

        if (part is null && W(i) is "early" or "mid" or "late" or "Early" or "Mid" or "Late")
        {
            part = W(i);
            i++;
            word = W(i);
        }

        var day = DayNumber(W(i + 1));
        if (word.Length == 0 || MonthOf(word, day is not null) is not { } month)
        {
            return null;
        }

        if (part is null && day is { } d)
        {
            var comma = W(i + 2) == "," ? 1 : 0;
            if (Year(W(i + 2 + comma)) is { } y && NewsCalendar.TryDate(y, month, d) is { } full)
            {
                return new Match(start, i + 3 + comma - start, NewsCalendar.Day(full), "date");
            }

            return date is { } doc && NewsCalendar.TryDate(NewsCalendar.YearOfDay(doc, month, d, IsFuture(start)), month, d) is { } resolved
                ? new Match(start, i + 2 - start, NewsCalendar.Day(resolved), "date")
                : null;
        }

        if (Year(W(i + 1)) is { } year)
        {
            return new Match(start, i + 2 - start, NewsCalendar.Month(year, month), "month");
        }

        var modifier = Modifier(start);
        var anchored = part is not null || modifier != WeekdayModifier.None || TemporalPrepositions.Contains(W(start - 1));
        if (!anchored || date is not { } article)
        {
            return null;
        }

        var first = modifier == WeekdayModifier.None ? start : start - (modifier == WeekdayModifier.Coming ? 2 : 1);
        var yearOf = modifier == WeekdayModifier.None ? NewsCalendar.YearOfMonth(article, month, IsFuture(start))
            : NewsCalendar.YearOfMonth(article, month, modifier);
        return new Match(first, i + 1 - first, NewsCalendar.Month(yearOf, month), "month");
    }

    /// <summary>"4 June 2025", "11 September, 2001", "4 June".</summary>
    private Match? TryDayMonth(int i)
    {
        if (DayNumber(W(i)) is not { } d || MonthOf(W(i + 1), dayFollows: true) is not { } month)
        {
            return null;
        }

        var comma = W(i + 2) == "," ? 1 : 0;
        if (Year(W(i + 2 + comma)) is { } y && NewsCalendar.TryDate(y, month, d) is { } full)
        {
            return new Match(i, 3 + comma, NewsCalendar.Day(full), "date");
        }

        return date is { } doc && NewsCalendar.TryDate(NewsCalendar.YearOfDay(doc, month, d, IsFuture(i)), month, d) is { } resolved
            ? new Match(i, 2, NewsCalendar.Day(resolved), "date")
            : null;
    }

    /// <summary>"1990s", "1990's" → "199" (TIMEX3 decade).</summary>
    private Match? TryDecade(int i) =>
        DecadeToken().Match(W(i)) is { Success: true } t ? new Match(i, 1, t.Groups[1].Value, "decade") : null;

    /// <summary>"Monday", "last Monday", "next Monday", "this coming Friday", with "morning"/"night" after it.</summary>
    private Match? TryWeekday(int i)
    {
        // "the Sunday Times", "The Monday Club": a weekday between "the" and a capitalised word is a name.
        if (WeekdayOf(W(i)) is not { } weekday || date is not { } d || (Is(W(i - 1), "the") && W(i + 1) is { Length: > 0 } n && char.IsUpper(n[0])))
        {
            return null;
        }

        var modifier = Modifier(i);
        var first = modifier switch { WeekdayModifier.None => i, WeekdayModifier.Coming => i - 2, _ => i - 1 };
        var day = NewsCalendar.Weekday(d, weekday, modifier, IsFuture(first));
        return WithPartOfDay(first, i + 1 - first, day);
    }

    private Match WithPartOfDay(int start, int length, DateOnly day) =>
        PartsOfDay.TryGetValue(W(start + length), out var code)
            ? new Match(start, length + 1, NewsCalendar.Day(day) + "T" + code, "time")
            : new Match(start, length, NewsCalendar.Day(day), "date");

    private WeekdayModifier Modifier(int i) => W(i - 1).ToLowerInvariant() switch
    {
        "last" => WeekdayModifier.Last,
        "next" => WeekdayModifier.Next,
        "coming" when Is(W(i - 2), "this") => WeekdayModifier.Coming,
        "this" => WeekdayModifier.This,
        _ => WeekdayModifier.None,
    };

    /// <summary>The relative phrases of temporal.tsv: "yesterday", "last week", "earlier this month", "next year".</summary>
    private Match? TryPhrase(int i)
    {
        // Capitalised inside a sentence (after a word, not after a quote mark), it is a name: "USA Today", "Radio 4's Today".
        if (date is not { } d || (i > 0 && char.IsUpper(W(i)[0]) && (char.IsLetterOrDigit(W(i - 1)[0]) || W(i - 1) is "'s" or "’s")))
        {
            return null;
        }

        foreach (var p in lexicon.Phrases)
        {
            var k = 0;
            while (k < p.Words.Length && Is(W(i + k), p.Words[k]))
            {
                k++;
            }

            if (k < p.Words.Length)
            {
                continue;
            }

            var last = p.Words[^1];
            return p.Rule.Split('.')[0] switch
            {
                "day" when last is "night" or "tonight" or "overnight" => new Match(i, k, NewsCalendar.Day(d.AddDays(p.Offset)) + "TNI", "time"),
                "day" when PartsOfDay.TryGetValue(last, out var code) => new Match(i, k, NewsCalendar.Day(d.AddDays(p.Offset)) + "T" + code, "time"),
                "day" => WithPartOfDay(i, k, d.AddDays(p.Offset)),
                "week" => new Match(i, k, NewsCalendar.Week(d.AddDays(7 * p.Offset)), "week"),
                "month" => new Match(i, k, NewsCalendar.Month(d.AddMonths(p.Offset).Year, d.AddMonths(p.Offset).Month), "month"),
                "year" => new Match(i, k, NewsCalendar.Year(d.Year + p.Offset), "year"),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>count.ago: "three days ago", "a year ago", "2 weeks ago".</summary>
    private Match? TryAgo(int i)
    {
        if (date is not { } d || !Is(W(i + 2), "ago"))
        {
            return null;
        }

        int? n = NumberWords.TryGetValue(W(i), out var w) ? w
            : W(i).Length is 1 or 2 && W(i).All(char.IsAsciiDigit) ? int.Parse(W(i), CultureInfo.InvariantCulture) : null;
        return n is not { } count ? null : W(i + 1).ToLowerInvariant().TrimEnd('s') switch
        {
            "day" => new Match(i, 3, NewsCalendar.Day(d.AddDays(-count)), "date"),
            "week" => new Match(i, 3, NewsCalendar.Week(d.AddDays(-7 * count)), "week"),
            "month" => new Match(i, 3, NewsCalendar.Month(d.AddMonths(-count).Year, d.AddMonths(-count).Month), "month"),
            "year" => new Match(i, 3, NewsCalendar.Year(d.Year - count), "year"),
            _ => null,
        };
    }

    /// <summary>
    /// A bare four-digit year: after a temporal preposition ("in 2023", 1000–2099), or alone in 1900–2099 unless a
    /// quantity word precedes it, or a plural noun or a time zone follows it ("about 2000 troops", "by 1200 GMT"). "2,000" is never a year.
    /// </summary>
    private Match? TryYear(int i)
    {
        var prev = W(i - 1);
        var next = W(i + 1);

        // "to", "and", "or", "of", "from" and "between" also join counts ("rose to 1500", "between 1500 and 2000 people"):
        // only 1900–2099 after them (a real range was matched by TryRange already).
        var afterPreposition = TemporalPrepositions.Contains(prev) && prev.ToLowerInvariant() is not ("to" or "and" or "or" or "of" or "from" or "between");
        if (Year(W(i), afterPreposition ? 1000 : 1900) is not { } y || QuantityCues.Contains(prev)
            || next is "%" or "percent" or "GMT" or "UTC" or "BST" or "ET" or "EST" or "JST" or "KST" or "hours" or "hrs" or "local")
        {
            return null;
        }

        return PluralNounAt(i + 1) && !afterPreposition && !Is(prev, "the") && !prev.EndsWith("'s", StringComparison.Ordinal)
            ? null
            : new Match(i, 1, NewsCalendar.Year(y), "year");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{4})[-–](\d{4})$")]
    private static partial System.Text.RegularExpressions.Regex RangeToken();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{4})[-/](\d{2})[-/](\d{2})$")]
    private static partial System.Text.RegularExpressions.Regex IsoDateToken();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(1\d\d|20\d)0(?:s|'s|’s)$")]
    private static partial System.Text.RegularExpressions.Regex DecadeToken();
}
