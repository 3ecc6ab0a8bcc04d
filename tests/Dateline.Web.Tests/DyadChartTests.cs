using System.Text.RegularExpressions;
using Dateline.Storage.Events;
using Dateline.Web.Pages;

namespace Dateline.Web.Tests;

/// <summary>The dyad chart's drawing, read from its SVG (issue 16, defect 4).</summary>
[Trait("issue", "16")]
public sealed partial class DyadChartTests
{
    private static DyadPoint Point(string day, int events, double goldstein) =>
        new(day, events, events, 0, 0, 0, events, 0, goldstein, 10, events * 10.0);

    private static string Draw(string interval, params DyadPoint[] points)
    {
        var h = new Html();
        DyadChart.Write(h, "JPN", "KOR", interval, DyadChart.Slots(points, interval), p => "/dyads/JPN/KOR?period=" + p, null);
        return h.ToString();
    }

    [Fact]
    public void The_Goldstein_line_breaks_where_a_period_has_no_events()
    {
        // Weeks 1, 2 with events, 3 and 4 without, 5 with: two pieces of line (1–2) and a lone point (5), not one line across.
        var svg = Draw("week", Point("2025-06-02", 2, 3), Point("2025-06-09", 1, 4), Point("2025-06-30", 3, -2));
        Assert.Equal(1, Polyline().Count(svg));
        Assert.Equal(3, GoldsteinPoint().Count(svg));
        Assert.Equal(5, Regex.Count(svg, "class=\"period\""));
    }

    [Fact]
    public void Day_labels_are_thinned_so_they_do_not_overlap()
    {
        var points = Enumerable.Range(0, 90).Select(i => Point(new DateOnly(2025, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 1, 1)).ToArray();
        var svg = Draw("day", points);
        var xs = Regex.Matches(svg, "class=\"period-label\" x=\"([0-9.]+)\"").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(xs.Count is > 5 and < 90, $"{xs.Count} labels");
        Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 40, $"labels {pair.First} and {pair.Second} overlap"));
    }

    [GeneratedRegex("<polyline class=\"goldstein\"")]
    private static partial Regex Polyline();

    [GeneratedRegex("<circle class=\"goldstein-point\"")]
    private static partial Regex GoldsteinPoint();
}
