using System.Globalization;
using Dateline.Storage.Events;

namespace Dateline.Web.Pages;

/// <summary>
/// A dyad as an inline SVG drawn on the server: per period, event counts stacked by quad class (upper panel, its own
/// axis) and the mean Goldstein score as a line broken at periods without events (lower panel, −10…+10). Each period is a link (keyboard reachable) to the same page
/// with <c>?period=</c>, which lists that period's events; its tooltip carries the volume-normalised numbers.
/// Sizes are SVG attributes and colours come from the stylesheet, so the strict CSP needs no inline style.
/// </summary>
internal static class DyadChart
{
    private const int MinWidth = 960, MinSlot = 28, MaxBar = 48, CountHeight = 170, PanelGap = 30, GoldsteinHeight = 90, Top = 24, Left = 64, Right = 12, Bottom = 24;

    private const int GoldsteinTop = Top + CountHeight + PanelGap;

    /// <summary>Every period from the first to the last point (empty ones too, so time reads evenly), at most 400.</summary>
    public static IReadOnlyList<(string Period, DyadPoint? Point)> Slots(IReadOnlyList<DyadPoint> points, string interval)
    {
        var byPeriod = points.ToDictionary(p => p.Period, StringComparer.Ordinal);
        if (points.Count == 0 || !TryDay(points[0].Period, out var first) || !TryDay(points[^1].Period, out var last))
        {
            return [.. points.Select(p => (p.Period, (DyadPoint?)p))];
        }

        var slots = new List<(string, DyadPoint?)>();
        for (var d = first; d <= last; d = Next(d, interval))
        {
            if (slots.Count == 400)
            {
                return [.. points.Select(p => (p.Period, (DyadPoint?)p))];
            }

            var key = Day(d);
            slots.Add((key, byPeriod.GetValueOrDefault(key)));
        }

        return slots;
    }

    public static void Write(Html h, string a, string b, string interval, IReadOnlyList<(string Period, DyadPoint? Point)> slots, Func<string, string> href,
        string? selected)
    {
        var max = Math.Max(1, slots.Max(s => s.Point?.Events ?? 0));

        // The drawing is at least MinWidth units wide and the SVG is as wide as its column (CSS), so a few periods spread
        // over the page instead of a narrow strip; many periods keep MinSlot units each and scroll.
        var width = Math.Max(MinWidth, Left + (slots.Count * MinSlot) + Right);
        var slot = (double)(width - Left - Right) / Math.Max(1, slots.Count);
        var bar = Math.Min(slot * 0.6, MaxBar);
        var height = Top + CountHeight + PanelGap + GoldsteinHeight + Bottom;
        h.Open("figure", ("class", "dyad-chart"))
            .Open("svg", ("viewBox", $"0 0 {N(width)} {N(height)}"), ("width", width > MinWidth ? N(width) : "100%"), ("role", "group"), ("preserveAspectRatio", "xMinYMin meet"),
                ("aria-label", $"Events between {a} and {b} per {interval}: counts stacked by quad class in the upper panel, mean Goldstein in the lower panel. Each period is a link to its events."));

        // Upper panel: event counts, with their own axis and grid.
        h.Open("g", ("class", "counts-panel"));
        foreach (var tick in new[] { 0, max / 2.0, max }.Distinct())
        {
            var y = Top + CountHeight - (CountHeight * tick / max);
            h.Open("line", ("class", "grid"), ("x1", N(Left)), ("x2", N(width - Right)), ("y1", N(y)), ("y2", N(y))).Close("line");
            h.Element("text", tick.ToString("0.#", CultureInfo.InvariantCulture), ("class", "axis"), ("x", N(Left - 6)), ("y", N(y + 4)), ("text-anchor", "end"));
        }

        h.Element("text", "events", ("class", "axis axis-title"), ("x", "4"), ("y", N(Top - 10)));
        h.Close("g");

        // Lower panel: mean Goldstein, −10…+10, its zero dashed; no line where a period has no events.
        h.Open("g", ("class", "goldstein-panel"));
        foreach (var g in new[] { -10, 0, 10 })
        {
            h.Element("text", g.ToString("+0;-0;0", CultureInfo.InvariantCulture), ("class", "axis goldstein-axis"), ("x", N(Left - 6)), ("y", N(GoldsteinY(g) + 4)), ("text-anchor", "end"));
        }

        h.Open("line", ("class", "grid"), ("x1", N(Left)), ("x2", N(width - Right)), ("y1", N(GoldsteinY(10))), ("y2", N(GoldsteinY(10)))).Close("line");
        h.Open("line", ("class", "grid"), ("x1", N(Left)), ("x2", N(width - Right)), ("y1", N(GoldsteinY(-10))), ("y2", N(GoldsteinY(-10)))).Close("line");
        h.Open("line", ("class", "zero"), ("x1", N(Left)), ("x2", N(width - Right)), ("y1", N(GoldsteinY(0))), ("y2", N(GoldsteinY(0)))).Close("line");
        h.Element("text", "Goldstein", ("class", "axis axis-title"), ("x", "4"), ("y", N(GoldsteinTop - 10)));
        h.Close("g");

        // Labels no closer than a label's width: every period when they fit, else every k-th.
        var labelWidth = interval switch { "year" => 36, "month" => 50, _ => 48 };
        var every = Math.Max(1, (int)Math.Ceiling(labelWidth / slot));
        var runs = new List<List<string>>();
        List<string>? run = null;
        for (var i = 0; i < slots.Count; i++)
        {
            var (period, p) = slots[i];
            var x0 = Left + (i * slot);
            var x = x0 + ((slot - bar) / 2);
            h.Open("a", ("class", period == selected ? "period selected" : "period"), ("href", href(period)), ("data-period", period),
                ("aria-label", Describe(a, b, period, p)), ("aria-current", period == selected ? "true" : null));
            h.Element("title", Describe(a, b, period, p));
            h.Open("rect", ("class", "hit"), ("x", N(x0)), ("y", N(Top)), ("width", N(slot)), ("height", N(GoldsteinTop + GoldsteinHeight - Top))).Close("rect");
            if (p is not null)
            {
                var y = (double)(Top + CountHeight);
                foreach (var (count, quad) in new[] { (p.VerbalCooperation, 1), (p.MaterialCooperation, 2), (p.VerbalConflict, 3), (p.MaterialConflict, 4) })
                {
                    if (count == 0)
                    {
                        continue;
                    }

                    var barHeight = CountHeight * (double)count / max;
                    y -= barHeight;
                    h.Open("rect", ("class", "q" + N(quad)), ("x", N(x)), ("y", N(y)), ("width", N(bar)), ("height", N(barHeight)), ("data-count", N(count))).Close("rect");
                }
            }

            if (p?.MeanGoldstein is { } mean)
            {
                run ??= [];
                run.Add($"{N(x + (bar / 2))},{N(GoldsteinY(mean))}");
            }
            else if (run is not null)
            {
                runs.Add(run);
                run = null;
            }

            if (i % every == 0)
            {
                h.Element("text", Short(period, interval), ("class", "period-label"), ("x", N(x + (bar / 2))), ("y", N(GoldsteinTop + GoldsteinHeight + 16)), ("text-anchor", "middle"));
            }

            h.Close("a");
        }

        if (run is not null)
        {
            runs.Add(run);
        }

        foreach (var points in runs)
        {
            if (points.Count > 1)
            {
                h.Open("polyline", ("class", "goldstein"), ("points", string.Join(' ', points))).Close("polyline");
            }

            foreach (var point in points)
            {
                var xy = point.Split(',');
                h.Open("circle", ("class", "goldstein-point"), ("cx", xy[0]), ("cy", xy[1]), ("r", "3.5")).Close("circle");
            }
        }

        h.Close("svg");
        h.Open("figcaption").Open("ul", ("class", "legend"));
        for (var q = 1; q <= 4; q++)
        {
            h.Open("li").Open("span", ("class", "swatch q" + N(q)), ("aria-hidden", "true")).Close("span").Text(EventLabels.Quad(q)).Close("li");
        }

        h.Open("li").Open("span", ("class", "swatch goldstein"), ("aria-hidden", "true")).Close("span").Text("mean Goldstein (lower panel, −10…+10; broken where a period has no events)").Close("li");
        h.Close("ul").Close("figcaption").Close("figure");
    }

    /// <summary>The tooltip and accessible name of a period: its counts, direction, Goldstein and the volume-normalised rate.</summary>
    public static string Describe(string a, string b, string period, DyadPoint? p) => p is null
        ? $"{period}: no events"
        : $"{period}: {p.Events} events ({p.VerbalCooperation} verbal cooperation, {p.MaterialCooperation} material cooperation, "
          + $"{p.VerbalConflict} verbal conflict, {p.MaterialConflict} material conflict; {a}→{b} {p.AToB}, {b}→{a} {p.BToA}); "
          + $"mean Goldstein {(p.MeanGoldstein is { } g ? EventLabels.Goldstein(g) : "–")}; {p.Articles} articles in the store, "
          + $"{(p.EventsPerHundredArticles is { } r ? r.ToString("0.##", CultureInfo.InvariantCulture) : "–")} events per 100 articles";

    /// <summary>The last day of the period that starts on <paramref name="start"/>.</summary>
    public static DateOnly End(DateOnly start, string interval) => Next(start, interval).AddDays(-1);

    public static bool TryDay(string? s, out DateOnly day) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static DateOnly Next(DateOnly d, string interval) => interval switch
    {
        "day" => d.AddDays(1),
        "week" => d.AddDays(7),
        "year" => d.AddYears(1),
        _ => d.AddMonths(1),
    };

    private static double GoldsteinY(double g) => GoldsteinTop + (GoldsteinHeight * (10 - Math.Clamp(g, -10, 10)) / 20);

    private static string Short(string period, string interval) => TryDay(period, out var d)
        ? d.ToString(interval switch { "year" => "yyyy", "month" => "MMM yy", _ => "d MMM" }, CultureInfo.InvariantCulture)
        : period;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(double v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);
}
