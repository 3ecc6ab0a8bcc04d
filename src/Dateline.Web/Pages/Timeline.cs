using System.Globalization;
using Dateline.Storage;

namespace Dateline.Web.Pages;

/// <summary>
/// Mentions per month as an inline SVG bar chart (sizes as SVG attributes, so the strict CSP needs no inline styles),
/// with a table of the same numbers for screen readers and copying.
/// </summary>
internal static class Timeline
{
    public static void Write(Html h, IReadOnlyList<DateCount> days)
    {
        var months = days.Where(d => d.Date is not null).GroupBy(d => new DateOnly(d.Date!.Value.Year, d.Date.Value.Month, 1))
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Articles));
        if (months.Count == 0)
        {
            h.Element("p", "No dated mentions.", ("class", "empty"));
            return;
        }

        var first = months.Keys.Min();
        var last = months.Keys.Max();
        var all = new List<(DateOnly Month, long Count)>();
        for (var m = first; m <= last && all.Count < 240; m = m.AddMonths(1))
        {
            all.Add((m, months.GetValueOrDefault(m)));
        }

        var max = Math.Max(1, all.Max(a => a.Count));
        const int height = 120, barWidth = 24, gap = 6;
        var width = all.Count * (barWidth + gap);
        h.Open("figure", ("class", "timeline"))
            .Open("svg", ("viewBox", $"0 0 {width} {height + 20}"), ("width", (width).ToString(CultureInfo.InvariantCulture)), ("height", (height + 20).ToString(CultureInfo.InvariantCulture)),
                ("role", "img"), ("aria-label", $"Articles mentioning this actor per month, {Month(first)} to {Month(last)}"));
        for (var i = 0; i < all.Count; i++)
        {
            var (month, count) = all[i];
            var barHeight = (int)Math.Round(height * (double)count / max);
            var x = i * (barWidth + gap);
            h.Open("rect", ("class", "bar"), ("x", x.ToString(CultureInfo.InvariantCulture)), ("y", (height - barHeight).ToString(CultureInfo.InvariantCulture)),
                    ("width", barWidth.ToString(CultureInfo.InvariantCulture)), ("height", barHeight.ToString(CultureInfo.InvariantCulture)), ("data-month", Month(month)), ("data-count", count.ToString(CultureInfo.InvariantCulture)))
                .Element("title", $"{Month(month)}: {count}").Close("rect");
            h.Element("text", month.ToString("MMM", CultureInfo.InvariantCulture), ("x", (x + (barWidth / 2)).ToString(CultureInfo.InvariantCulture)), ("y", (height + 15).ToString(CultureInfo.InvariantCulture)), ("text-anchor", "middle"));
        }

        h.Close("svg").Open("figcaption");
        h.Open("table", ("class", "timeline-table")).Markup("<thead><tr><th scope=\"col\">Month</th><th scope=\"col\">Articles</th></tr></thead><tbody>");
        foreach (var (month, count) in all.Where(a => a.Count > 0))
        {
            h.Open("tr").Element("td", Month(month)).Element("td", count.ToString(CultureInfo.InvariantCulture), ("class", "num")).Close("tr");
        }

        h.Markup("</tbody>").Close("table").Close("figcaption").Close("figure");
    }

    private static string Month(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
