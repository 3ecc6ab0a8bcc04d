using System.Globalization;

namespace Dateline.Core.Articles;

/// <summary>
/// A publication date as precise as the source gave it: a calendar date, or a date-time with its UTC offset.
/// Its ISO 8601 form is <c>2025-06-04</c> or <c>2025-06-04T09:30:00+09:00</c>.
/// </summary>
public readonly record struct ArticleDate
{
    private ArticleDate(DateOnly date, DateTimeOffset? instant)
    {
        Date = date;
        Instant = instant;
    }

    /// <summary>The calendar date as printed at the place of publication.</summary>
    public DateOnly Date { get; }

    /// <summary>The exact time with its offset, when the source gave one.</summary>
    public DateTimeOffset? Instant { get; }

    public static ArticleDate FromDate(DateOnly date) => new(date, null);

    public static ArticleDate FromInstant(DateTimeOffset instant) => new(DateOnly.FromDateTime(instant.DateTime), instant);

    /// <summary>
    /// The day of a stored publication value, for lists that show every date alike: "2025-07-24T11:42:00+02:00" and
    /// "2025-07-24" both read 2025-07-24 (the day as printed at the place of publication); anything else is returned as is.
    /// </summary>
    public static string? DayOf(string? published) =>
        published is { Length: > 10 } && TryParse(published, out var parsed) ? parsed.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : published;

    /// <summary>Parses <c>yyyy-MM-dd</c> or an ISO 8601 date-time (with or without offset; without one, UTC is assumed).</summary>
    public static bool TryParse(string? text, out ArticleDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            value = FromDate(d);
            return true;
        }

        if (s.Length >= 16 && char.IsAsciiDigit(s[0]) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            value = FromInstant(dto);
            return true;
        }

        return false;
    }

    public static ArticleDate Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not an ISO 8601 date or date-time.");

    public override string ToString() => Instant is { } i
        ? i.ToString(i.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
