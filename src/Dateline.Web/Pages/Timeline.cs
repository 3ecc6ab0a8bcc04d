using System.Globalization;
using Dateline.Storage;

namespace Dateline.Web.Pages;

/// <summary>
/// Mentions per month as an inline SVG bar chart (sizes as SVG attributes, so the strict CSP needs no inline styles),
/// with the actor's coded events per month beside them when given, and a table of the same numbers for screen readers
/// and copying.
/// </summary>
internal static class Timeline
{
    /// <param name="undatedEvents">Events of the actor with no date, which the chart cannot place; they are counted beside it.</param>
    /// <param name="links">Where the undated articles and events can be read (the actor's article and event lists).</param>
    public static void Write(Html h, IReadOnlyList<DateCount> days, IReadOnlyDictionary<DateOnly, int>? eventsPerMonth = null, long undatedEvents = 0,
        (string Articles, string Events)? links = null)
    {
        var months = days.Where(d => d.Date is not null).GroupBy(d => new DateOnly(d.Date!.Value.Year, d.Date.Value.Month, 1))
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Articles));
        var events = eventsPerMonth ?? new Dictionary<DateOnly, int>();
        var undatedArticles = days.Where(d => d.Date is null).Sum(d => d.Articles);
        if (undatedArticles > 0 || undatedEvents > 0)
        {
            // "Tony Blair" in a corpus without dates: the chart would show one month of 141 articles; say what it leaves out.
            h.Open("p", ("class", "note"), ("id", "undated"))
                .Text($"{Count(undatedArticles, "article")} and {Count(undatedEvents, "event")} have no date (their articles carry none), so the chart cannot place them");
            if (links is { } l)
            {
                h.Text(": ").Link(l.Articles, "read the articles").Text(", ").Link(l.Events, "the events");
            }

            h.Text(".").Close("p");
        }

        if (months.Count == 0 && events.Count == 0)
        {
            h.Element("p", "No dated mentions.", ("class", "empty"));
            return;
        }

        var keys = months.Keys.Concat(events.Keys).ToList();
        var first = keys.Min();
        var last = keys.Max();
        var all = new List<(DateOnly Month, long Count, int Events)>();
        for (var m = first; m <= last && all.Count < 240; m = m.AddMonths(1))
        {
            all.Add((m, months.GetValueOrDefault(m), events.GetValueOrDefault(m)));
        }

        var max = Math.Max(1, all.Max(a => Math.Max(a.Count, a.Events)));
        var withEvents = eventsPerMonth is not null;
        // At least 720 units wide and as wide as the column (CSS): a few months spread over the page, not a strip.
        const int height = 120, minWidth = 720, minSlot = 30;
        var width = Math.Max(minWidth, all.Count * minSlot);
        var slot = width / all.Count;
        var barWidth = Math.Min(48, slot - 6);
        var gap = slot - barWidth;
        h.Open("figure", ("class", "timeline"))
            .Open("svg", ("viewBox", $"0 0 {width} {height + 20}"), ("width", width > minWidth ? width.ToString(CultureInfo.InvariantCulture) : "100%"),
                ("role", "img"), ("aria-label", $"Articles mentioning this actor{(withEvents ? " and its coded events" : string.Empty)} per month, {Month(first)} to {Month(last)}"));
        for (var i = 0; i < all.Count; i++)
        {
            var (month, count, n) = all[i];
            var x = (i * slot) + (gap / 2);
            var mentionWidth = withEvents ? barWidth - 9 : barWidth;
            Bar(h, "bar", x, mentionWidth, height, (int)Math.Round(height * (double)count / max), month, count, $"{Month(month)}: {count} articles");
            if (withEvents)
            {
                Bar(h, "bar events", x + mentionWidth + 1, 8, height, (int)Math.Round(height * (double)n / max), month, n, $"{Month(month)}: {n} events");
            }

            h.Element("text", month.ToString("MMM", CultureInfo.InvariantCulture), ("x", (x + (barWidth / 2)).ToString(CultureInfo.InvariantCulture)), ("y", (height + 15).ToString(CultureInfo.InvariantCulture)), ("text-anchor", "middle"));
        }

        h.Close("svg").Open("figcaption");
        if (withEvents)
        {
            h.Open("ul", ("class", "legend")).Open("li").Open("span", ("class", "swatch mentions"), ("aria-hidden", "true")).Close("span").Text("articles")
                .Close("li").Open("li").Open("span", ("class", "swatch events"), ("aria-hidden", "true")).Close("span").Text("events").Close("li").Close("ul");
        }

        h.Open("table", ("class", "timeline-table")).Markup("<thead><tr><th scope=\"col\">Month</th><th scope=\"col\">Articles</th>")
            .Markup(withEvents ? "<th scope=\"col\">Events</th></tr></thead><tbody>" : "</tr></thead><tbody>");
        foreach (var (month, count, n) in all.Where(a => a.Count > 0 || a.Events > 0))
        {
            h.Open("tr").Element("td", Month(month)).Element("td", count.ToString(CultureInfo.InvariantCulture), ("class", "num"));
            if (withEvents)
            {
                h.Element("td", n.ToString(CultureInfo.InvariantCulture), ("class", "num"));
            }

            h.Close("tr");
        }

        h.Markup("</tbody>").Close("table").Close("figcaption").Close("figure");
    }

    private static void Bar(Html h, string cls, int x, int width, int height, int barHeight, DateOnly month, long count, string title) =>
        h.Open("rect", ("class", cls), ("x", x.ToString(CultureInfo.InvariantCulture)), ("y", (height - barHeight).ToString(CultureInfo.InvariantCulture)),
                ("width", width.ToString(CultureInfo.InvariantCulture)), ("height", barHeight.ToString(CultureInfo.InvariantCulture)), ("data-month", Month(month)),
                ("data-count", count.ToString(CultureInfo.InvariantCulture)))
            .Element("title", title).Close("rect");

    private static string Count(long n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Month(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
