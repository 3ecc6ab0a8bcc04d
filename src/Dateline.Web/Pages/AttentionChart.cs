using System.Globalization;
using Dateline.Storage.Search;

namespace Dateline.Web.Pages;

/// <summary>
/// Attention over time as an inline SVG line chart drawn on the server, as <see cref="DyadChart"/> is: one line per
/// query (colours from the stylesheet, s0…s7), as counts or as shares of the period's articles, on one axis. Every
/// period from the first to the last with articles gets a slot, so time reads evenly; a line is broken where the store
/// holds no article in a period (nothing to count there), and drops to zero where it holds articles but none match.
/// Each slot carries a tooltip with every query's numbers. The drawing fills its column; many periods keep a minimum
/// width each and scroll. The table beside it carries the same numbers for screen readers and copying.
/// </summary>
internal static class AttentionChart
{
    private const int MinWidth = 960, MinSlot = 8, PlotHeight = 240, Top = 20, Left = 64, Right = 16, Bottom = 28, MaxSlots = 4_000;

    /// <summary>Every period from the first to the last of the totals, empty ones too (at most 4,000; else those with articles).</summary>
    public static IReadOnlyList<string> Slots(AttentionResults results) =>
        results.Totals.Count == 0 ? []
        : Periods.Between(results.Totals[0].Period, results.Totals[^1].Period, results.Interval, MaxSlots) ?? [.. results.Totals.Select(t => t.Period)];

    /// <param name="share">Draw each period's share of the articles (percent) rather than its count.</param>
    public static void Write(Html h, AttentionResults results, bool share)
    {
        var slots = Slots(results);
        var totals = results.Totals.ToDictionary(t => t.Period, t => t.Articles, StringComparer.Ordinal);
        var series = results.Series.Select(s => s.Periods.ToDictionary(p => p.Period, p => p.Articles, StringComparer.Ordinal)).ToList();
        double Value(int s, string period) => share
            ? 100.0 * series[s].GetValueOrDefault(period) / totals[period]
            : series[s].GetValueOrDefault(period);

        var max = 0.0;
        foreach (var period in slots.Where(totals.ContainsKey))
        {
            for (var s = 0; s < series.Count; s++)
            {
                max = Math.Max(max, Value(s, period));
            }
        }

        max = Ceiling(max, share);
        var width = Math.Max(MinWidth, Left + (slots.Count * MinSlot) + Right);
        var slot = (double)(width - Left - Right) / Math.Max(1, slots.Count);
        var height = Top + PlotHeight + Bottom;
        var unit = share ? "share of the articles (%)" : "articles";
        var names = string.Join(", ", results.Series.Select(s => s.Query));
        h.Open("figure", ("class", "attention-chart"), ("id", "attention-chart"))
            .Open("svg", ("viewBox", $"0 0 {N(width)} {N(height)}"), ("width", width > MinWidth ? N(width) : "100%"), ("role", "img"), ("preserveAspectRatio", "xMinYMin meet"),
                ("aria-label", $"Matching {unit} per {results.Interval} for {names}, {First(slots)} to {Last(slots)}; the table below has the numbers."));

        // The axis: 0, half and the top, as counts or percentages.
        h.Open("g", ("class", "axis-panel"));
        foreach (var tick in new[] { 0, max / 2, max }.Distinct())
        {
            var y = Y(tick, max);
            h.Open("line", ("class", "grid"), ("x1", N(Left)), ("x2", N(width - Right)), ("y1", N(y)), ("y2", N(y))).Close("line");
            h.Element("text", share ? tick.ToString("0.#", CultureInfo.InvariantCulture) + " %" : tick.ToString("0.#", CultureInfo.InvariantCulture),
                ("class", "axis"), ("x", N(Left - 6)), ("y", N(y + 4)), ("text-anchor", "end"));
        }

        h.Element("text", share ? "% of articles" : "articles", ("class", "axis axis-title"), ("x", "4"), ("y", N(Top - 8)));
        h.Close("g");

        // Slots: a tooltip per period with every query's numbers; labels no closer than a label's width.
        var labelWidth = results.Interval switch { "year" => 36, "month" => 50, _ => 48 };
        var every = Math.Max(1, (int)Math.Ceiling(labelWidth / slot));
        for (var i = 0; i < slots.Count; i++)
        {
            var period = slots[i];
            h.Open("g", ("class", "period"), ("data-period", period));
            h.Element("title", Describe(results, series, totals, period));
            h.Open("rect", ("class", "hit"), ("x", N(Left + (i * slot))), ("y", N(Top)), ("width", N(slot)), ("height", N(PlotHeight))).Close("rect");
            if (i % every == 0)
            {
                h.Element("text", Short(period, results.Interval), ("class", "period-label"), ("x", N(X(i, slot))), ("y", N(Top + PlotHeight + 18)), ("text-anchor", "middle"));
            }

            h.Close("g");
        }

        // One line per query, broken where the store holds no article, with a point on each period (smaller when many
        // periods share the width), so a piece of line that is a single period still shows.
        var radius = N(Math.Clamp(slot / 4, 1.5, 3.5));
        for (var s = 0; s < series.Count; s++)
        {
            h.Open("g", ("class", $"series s{N(s)}"), ("data-query", results.Series[s].Query));
            var run = new List<(double X, double Y)>();
            for (var i = 0; i <= slots.Count; i++)
            {
                if (i < slots.Count && totals.ContainsKey(slots[i]))
                {
                    run.Add((X(i, slot), Y(Value(s, slots[i]), max)));
                    continue;
                }

                if (run.Count > 1)
                {
                    h.Open("polyline", ("class", "line"), ("points", string.Join(' ', run.Select(p => N(p.X) + "," + N(p.Y))))).Close("polyline");
                }

                foreach (var (x, y) in run)
                {
                    h.Open("circle", ("class", "dot"), ("cx", N(x)), ("cy", N(y)), ("r", radius)).Close("circle");
                }

                run.Clear();
            }

            h.Close("g");
        }

        h.Close("svg");
        h.Open("figcaption").Open("ul", ("class", "legend"), ("id", "attention-legend"));
        for (var s = 0; s < results.Series.Count; s++)
        {
            var q = results.Series[s];
            h.Open("li", ("class", "legend-item"), ("data-series", $"s{N(s)}"))
                .Open("span", ("class", $"swatch line-swatch s{N(s)}"), ("aria-hidden", "true")).Close("span")
                .Element("q", q.Query).Text(string.Create(CultureInfo.InvariantCulture, $" · {q.Matches:N0} {(q.Matches == 1 ? "article" : "articles")}")).Close("li");
        }

        h.Close("ul").Close("figcaption").Close("figure");
    }

    /// <summary>A period's tooltip: each query's count and share, or that the store holds no article then.</summary>
    private static string Describe(AttentionResults results, List<Dictionary<string, long>> series, Dictionary<string, long> totals, string period)
    {
        if (!totals.TryGetValue(period, out var total))
        {
            return $"{results.Interval} of {period}: no articles stored";
        }

        var parts = results.Series.Select((q, s) => string.Create(CultureInfo.InvariantCulture,
            $"{q.Query}: {series[s].GetValueOrDefault(period):N0} ({Percent(series[s].GetValueOrDefault(period), total)})"));
        return string.Create(CultureInfo.InvariantCulture, $"{results.Interval} of {period}, {total:N0} articles stored — ") + string.Join("; ", parts);
    }

    /// <summary>A share as a percentage with the precision small shares need ("0.04 %").</summary>
    public static string Percent(long count, long total) => total == 0 ? "–"
        : (100.0 * count / total).ToString(count == 0 || 100.0 * count / total >= 10 ? "0.#" : "0.0#", CultureInfo.InvariantCulture) + " %";

    /// <summary>
    /// A round top for the axis, so its middle tick is round too: counts up to an even number (at least 2), shares up to
    /// an even percent, or an even tenth of one below 1 %.
    /// </summary>
    private static double Ceiling(double max, bool share) => max <= 0 ? 2
        : share && max < 1 ? Math.Ceiling(max * 5) / 5
        : 2 * Math.Ceiling(max / 2);

    private static double X(int i, double slot) => Left + (i * slot) + (slot / 2);

    private static double Y(double value, double max) => Top + PlotHeight - (PlotHeight * value / max);

    private static string First(IReadOnlyList<string> slots) => slots.Count == 0 ? "–" : slots[0];

    private static string Last(IReadOnlyList<string> slots) => slots.Count == 0 ? "–" : slots[^1];

    private static string Short(string period, string interval) => Periods.TryParse(period, out var d)
        ? d.ToString(interval switch { "year" => "yyyy", "month" => "MMM yy", _ => "d MMM" }, CultureInfo.InvariantCulture)
        : period;

    private static string N(double v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);
}
