using System.Globalization;

namespace Dateline.Nlp.Times;

/// <summary>
/// Date arithmetic for the temporal rules in Data/README.md ("Temporal rules"): resolves weekdays, months and offsets
/// against the article date and formats ISO 8601 values. Pure functions.
/// </summary>
internal static class NewsCalendar
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    public static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>ISO week of <paramref name="d"/>, e.g. "2025-W23".</summary>
    public static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}");
    }

    public static int IsoWeekday(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    public static DateOnly MondayOf(DateOnly d) => d.AddDays(1 - IsoWeekday(d));

    /// <summary>
    /// weekday.news: plain ("on Monday") → the latest such day on or before <paramref name="d"/> (past) or the next on or
    /// after it (future); "this coming" → the next one after <paramref name="d"/>; "last"/"this"/"next" → that day in the
    /// previous, current or next ISO week.
    /// </summary>
    public static DateOnly Weekday(DateOnly d, int weekday, WeekdayModifier modifier, bool future) => modifier switch
    {
        WeekdayModifier.Last => MondayOf(d).AddDays(weekday - 1 - 7),
        WeekdayModifier.This => MondayOf(d).AddDays(weekday - 1),
        WeekdayModifier.Next => MondayOf(d).AddDays(weekday - 1 + 7),
        WeekdayModifier.Coming => d.AddDays(((weekday - IsoWeekday(d) + 6) % 7) + 1),
        _ when future => d.AddDays((weekday - IsoWeekday(d) + 7) % 7),
        _ => d.AddDays(-((IsoWeekday(d) - weekday + 7) % 7)),
    };

    /// <summary>month.nearest: the year of a month named without one; past prefers ≤ the article month, future ≥.</summary>
    public static int YearOfMonth(DateOnly d, int month, bool future) =>
        future ? (month >= d.Month ? d.Year : d.Year + 1) : (month <= d.Month ? d.Year : d.Year - 1);

    /// <summary>"last June" / "next June": the nearest such month strictly before or after the article month.</summary>
    public static int YearOfMonth(DateOnly d, int month, WeekdayModifier modifier) => modifier switch
    {
        WeekdayModifier.Last => month < d.Month ? d.Year : d.Year - 1,
        WeekdayModifier.Next or WeekdayModifier.Coming => month > d.Month ? d.Year : d.Year + 1,
        _ => d.Year,
    };

    /// <summary>A month and day without a year ("June 4"): the year that puts it on the side of the article date the tense says.</summary>
    public static int YearOfDay(DateOnly d, int month, int day, bool future)
    {
        var later = month > d.Month || (month == d.Month && day > d.Day);
        var earlier = month < d.Month || (month == d.Month && day < d.Day);
        if (!future && later && TryDate(d.Year, month, day) is { } ahead && ahead.DayNumber - d.DayNumber <= 31)
        {
            // No future cue, but a day within the coming month is far likelier meant than the same day almost a year
            // ago ("… to meet on the sidelines of the summit from June 15", in an article of June 9).
            return d.Year;
        }

        return future ? (earlier ? d.Year + 1 : d.Year) : (later ? d.Year - 1 : d.Year);
    }

    public static DateOnly? TryDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
}

/// <summary>The word before a weekday or month: none, "last", "this", "next", or "this coming".</summary>
internal enum WeekdayModifier
{
    None,
    Last,
    This,
    Next,
    Coming,
}
