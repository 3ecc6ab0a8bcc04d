using System.Buffers;
using System.Globalization;
using Dateline.Core.Articles;
using Dateline.Extraction.Html;

namespace Dateline.Extraction.Feeds;

/// <summary>
/// Reads the dates feeds actually print: RFC 822 in its many odd forms (<c>7 Jun 23</c>, no day name, named zones such
/// as EST/PDT, <c>+0900</c>, <c>+09:00</c>, no seconds) and ISO 8601 (Atom, <c>dc:date</c>). A date it cannot read is
/// reported, never guessed; a time without a zone keeps only its calendar date.
/// </summary>
public static class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly SearchValues<char> ZoneStart = SearchValues.Create("+-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The date, or null with the reason in <paramref name="warning"/> (also set when only part of it was kept).</summary>
    public static ArticleDate? Parse(string? text, DateTimeOffset now, out string? warning)
    {
        warning = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        var date = s.Length >= 8 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3]) && s[4] == '-'
            ? HtmlMetadataReader.ParseDate(s)
            : ParseRfc822(s, out warning);
        if (date is null)
        {
            warning ??= $"'{Clip(s)}' is not a date";
            return null;
        }

        if (date.Value.Date > DateOnly.FromDateTime(now.UtcDateTime + FeedRules.MaxFutureSkew))
        {
            warning = $"'{Clip(s)}' is in the future";
            return null;
        }

        return date;
    }

    private static ArticleDate? ParseRfc822(string s, out string? warning)
    {
        warning = null;
        var tokens = Tokens(s);
        var i = 0;
        if (i < tokens.Count && IsDayName(tokens[i]))
        {
            i++;
        }

        // "07 Jan 2017" (RFC 822) or "Jan 07 2017" (seen in hand-made feeds).
        int day, month;
        if (i + 1 < tokens.Count && int.TryParse(tokens[i], NumberStyles.None, CultureInfo.InvariantCulture, out day)
            && MonthOf(tokens[i + 1]) is { } m1)
        {
            month = m1;
        }
        else if (i + 1 < tokens.Count && MonthOf(tokens[i]) is { } m2
                 && int.TryParse(tokens[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out day))
        {
            month = m2;
        }
        else
        {
            return null;
        }

        i += 2;
        if (i >= tokens.Count || tokens[i].Length is not (2 or 3 or 4)
            || !int.TryParse(tokens[i], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        // RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx; three digits add 1900.
        year = tokens[i].Length switch { 2 => year < 50 ? 2000 + year : 1900 + year, 3 => 1900 + year, _ => year };
        i++;
        if (month < 1 || day < 1 || year < 1 || year > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var calendar = new DateOnly(year, month, day);
        if (i >= tokens.Count)
        {
            return ArticleDate.FromDate(calendar);
        }

        if (!TryTime(tokens, ref i, out var time))
        {
            warning = $"unreadable time in '{Clip(s)}'; kept the date only";
            return ArticleDate.FromDate(calendar);
        }

        if (i >= tokens.Count)
        {
            warning = $"no time zone in '{Clip(s)}'; kept the date only";
            return ArticleDate.FromDate(calendar);
        }

        if (Zone(tokens[i]) is not { } offset)
        {
            warning = $"unknown time zone '{tokens[i]}' in '{Clip(s)}'; kept the date only";
            return ArticleDate.FromDate(calendar);
        }

        return ArticleDate.FromInstant(new DateTimeOffset(calendar.ToDateTime(time), offset));
    }

    private static bool TryTime(List<string> tokens, ref int i, out TimeOnly time)
    {
        time = default;
        var parts = tokens[i].Split(':');
        if (parts.Length is < 2 or > 3 || !parts.All(p => p.Length is 1 or 2 || p.Contains('.', StringComparison.Ordinal)))
        {
            return false;
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var min))
        {
            return false;
        }

        var sec = 0;
        if (parts.Length == 3 && !int.TryParse(parts[2].Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out sec))
        {
            return false;
        }

        i++;
        if (i < tokens.Count && tokens[i].ToUpperInvariant() is "AM" or "PM" && h is >= 1 and <= 12)
        {
            h = tokens[i].Equals("PM", StringComparison.OrdinalIgnoreCase) ? h % 12 + 12 : h % 12;
            i++;
        }

        if (h > 23 || min > 59 || sec > 60)
        {
            return false;
        }

        time = new TimeOnly(h, min, Math.Min(sec, 59));
        return true;
    }

    /// <summary><c>+0900</c>, <c>-05:00</c>, <c>GMT+9</c>, or a name from <see cref="FeedRules.ZoneOffsets"/>.</summary>
    private static TimeSpan? Zone(string token)
    {
        if (FeedRules.ZoneOffsets.TryGetValue(token, out var named))
        {
            return named;
        }

        var t = token;
        foreach (var prefix in new[] { "GMT", "UTC", "UT" })
        {
            if (t.Length > prefix.Length && t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && t[prefix.Length] is '+' or '-')
            {
                t = t[prefix.Length..];
                break;
            }
        }

        if (t.Length < 2 || t[0] is not ('+' or '-'))
        {
            return null;
        }

        var digits = t[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (!digits.All(char.IsAsciiDigit) || digits.Length is not (1 or 2 or 4))
        {
            return null;
        }

        var hours = int.Parse(digits.Length == 4 ? digits[..2] : digits, CultureInfo.InvariantCulture);
        var minutes = digits.Length == 4 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return t[0] == '-' ? -offset : offset;
    }

    /// <summary>Splits on spaces and commas; drops comments in parentheses ("(PST)"); splits "10:00:00GMT".</summary>
    private static List<string> Tokens(string s)
    {
        var tokens = new List<string>();
        foreach (var raw in s.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.StartsWith('('))
            {
                continue;
            }

            var colon = raw.LastIndexOf(':');
            var split = colon > 0 ? raw.AsSpan(colon).IndexOfAny(ZoneStart) : -1;
            if (split > 0)
            {
                tokens.Add(raw[..(colon + split)]);
                tokens.Add(raw[(colon + split)..]);
            }
            else
            {
                tokens.Add(raw.TrimEnd('.'));
            }
        }

        return tokens;
    }

    private static bool IsDayName(string token) =>
        token.Length >= 3 && char.IsAsciiLetter(token[0]) && Days.Contains(token[..3].ToLowerInvariant());

    private static int? MonthOf(string token)
    {
        if (token.Length < 3 || !token.All(char.IsAsciiLetter))
        {
            return null;
        }

        var i = Array.IndexOf(Months, token[..3].ToLowerInvariant());
        return i < 0 ? null : i + 1;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
