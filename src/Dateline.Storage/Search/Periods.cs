using System.Globalization;

namespace Dateline.Storage.Search;

/// <summary>
/// Calendar periods of article counts: a day, a week (Monday to Sunday), a month or a year, each named by its first day
/// (yyyy-MM-dd), the same in SQLite, PostgreSQL and every front end.
/// </summary>
public static class Periods
{
    public static IReadOnlyList<string> Intervals { get; } = ["day", "week", "month", "year"];

    public static bool IsInterval(string? interval) => interval is "day" or "week" or "month" or "year";

    /// <summary>The first day of the period <paramref name="day"/> falls in.</summary>
    public static DateOnly Start(DateOnly day, string interval) => interval switch
    {
        "day" => day,
        "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        "month" => new DateOnly(day.Year, day.Month, 1),
        "year" => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentException($"interval must be one of {string.Join(", ", Intervals)}, not '{interval}'", nameof(interval)),
    };

    /// <summary>The first day of the period after the one that starts on <paramref name="start"/>.</summary>
    public static DateOnly Next(DateOnly start, string interval) => interval switch
    {
        "day" => start.AddDays(1),
        "week" => start.AddDays(7),
        "month" => start.AddMonths(1),
        "year" => start.AddYears(1),
        _ => throw new ArgumentException($"interval must be one of {string.Join(", ", Intervals)}, not '{interval}'", nameof(interval)),
    };

    /// <summary>The last day of the period that starts on <paramref name="start"/>.</summary>
    public static DateOnly End(DateOnly start, string interval)
    {
        try
        {
            return Next(start, interval).AddDays(-1);
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateOnly.MaxValue; // the last period of the calendar
        }
    }

    public static string Name(DateOnly start) => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? name, out DateOnly start) =>
        DateOnly.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start);

    /// <summary>
    /// Every period from <paramref name="first"/> through <paramref name="last"/> (period names), empty ones too, so time
    /// reads evenly; null when there would be more than <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<string>? Between(string first, string last, string interval, int max)
    {
        if (!TryParse(first, out var d) || !TryParse(last, out var end) || end < d)
        {
            return null;
        }

        var names = new List<string>();
        while (true)
        {
            if (names.Count == max)
            {
                return null;
            }

            names.Add(Name(d));
            if (d >= end)
            {
                return names;
            }

            d = Next(d, interval);
        }
    }
}
