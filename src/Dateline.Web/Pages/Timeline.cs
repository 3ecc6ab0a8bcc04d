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
    public static void Write(Html h, IReadOnlyList<DateCount> days, IReadOnlyDictionary<DateOnly, int>? eventsPerMonth = null)
    {
        var months = days.Where(d => d.Date is not null).GroupBy(d => new DateOnly(d.Date!.Value.Year, d.Date.Value.Month, 1))
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Articles));
        var events = eventsPerMonth ?? new Dictionary<DateOnly, int>();
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
        const int height = 120, barWidth = 24, gap = 6;
        var width = all.Count * (barWidth + gap);
        h.Open("figure", ("class", "timeline"))
            .Open("svg", ("viewBox", $"0 0 {width} {height + 20}"), ("width", width.ToString(CultureInfo.InvariantCulture)), ("height", (height + 20).ToString(CultureInfo.InvariantCulture)),
                ("role", "img"), ("aria-label", $"Articles mentioning this actor{(withEvents ? " and its coded events" : string.Empty)} per month, {Month(first)} to {Month(last)}"));
        for (var i = 0; i < all.Count; i++)
        {
            var (month, count, n) = all[i];
            var x = i * (barWidth + gap);
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

    private static string Month(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
