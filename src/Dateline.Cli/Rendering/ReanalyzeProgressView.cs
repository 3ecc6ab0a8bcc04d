using System.Diagnostics;
using System.Globalization;
using Dateline.Ingestion.Analysis;
using Spectre.Console;

namespace Dateline.Cli.Rendering;

/// <summary>Shows reanalysis progress: a live bar on a terminal, a plain line every two seconds otherwise.</summary>
internal static class ReanalyzeProgressView
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    public static async Task<ReanalyzeSummary> RunAsync(Func<IProgress<ReanalyzeProgress>, Task<ReanalyzeSummary>> job)
    {
        if (Terminal.Interactive)
        {
            return await Terminal.Error.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("reanalyze", maxValue: 1);
                    return await job(new Progress<ReanalyzeProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Done}/{p.Total} articles");
                    }));
                });
        }

        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var sync = new Lock();
        return await job(new SyncProgress<ReanalyzeProgress>(p =>
        {
            lock (sync)
            {
                if (clock.Elapsed - last >= PlainInterval)
                {
                    last = clock.Elapsed;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"reanalyze: {p.Done}/{p.Total} articles, {p.Elapsed.TotalSeconds:0}s"));
                }
            }
        }));
    }
}
