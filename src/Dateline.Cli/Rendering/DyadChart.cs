using System.Globalization;
using Dateline.Storage.Events;
using ScottPlot;

namespace Dateline.Cli.Rendering;

/// <summary>Draws a dyad series: stacked bars of event counts by quad class per period, and the mean Goldstein score as a line.</summary>
internal static class DyadChart
{
    private static readonly (string Name, string Color)[] Quads =
    [
        ("verbal cooperation", "#7fb3d5"),
        ("material cooperation", "#1f618d"),
        ("verbal conflict", "#f5b041"),
        ("material conflict", "#b03a2e"),
    ];

    public static void Save(DyadQuery query, IReadOnlyList<DyadPoint> points, string path)
    {
        Fonts.Default = "DejaVu Sans";
        var plot = new Plot();
        plot.Title($"{query.A} – {query.B}: events per {query.Interval}");
        plot.YLabel("events");
        var ticks = new List<Tick>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            double[] values = [p.VerbalCooperation, p.MaterialCooperation, p.VerbalConflict, p.MaterialConflict];
            double bottom = 0;
            for (var q = 0; q < 4; q++)
            {
                if (values[q] == 0)
                {
                    continue;
                }

                var bar = plot.Add.Bar(new Bar { Position = i, ValueBase = bottom, Value = bottom + values[q], FillColor = Color.FromHex(Quads[q].Color) });
                _ = bar;
                bottom += values[q];
            }

            ticks.Add(new Tick(i, p.Period));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = points.Count > 6 ? 45 : 0;
        foreach (var (name, color) in Quads)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = Color.FromHex(color) });
        }

        var withGoldstein = points.Select((p, i) => (p, i)).Where(x => x.p.MeanGoldstein is not null).ToArray();
        if (withGoldstein.Length > 0)
        {
            var line = plot.Add.Scatter(withGoldstein.Select(x => (double)x.i).ToArray(), withGoldstein.Select(x => x.p.MeanGoldstein!.Value).ToArray());
            line.Axes.YAxis = plot.Axes.Right;
            line.Color = Color.FromHex("#333333");
            line.LineWidth = 2;
            line.MarkerSize = 7;
            plot.Axes.Right.Label.Text = "mean Goldstein";
            plot.Axes.SetLimitsY(-10, 10, plot.Axes.Right);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "mean Goldstein", LineColor = line.Color, LineWidth = 2 });
        }

        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        if (points.Count == 0)
        {
            plot.Add.Annotation(string.Create(CultureInfo.InvariantCulture, $"no events between {query.A} and {query.B}"));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(path, 900, 480);
        }
        else
        {
            plot.SavePng(path, 900, 480);
        }
    }
}
