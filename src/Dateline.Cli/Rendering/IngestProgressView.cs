using System.Diagnostics;
using System.Globalization;
using Dateline.Ingestion;
using Spectre.Console;

namespace Dateline.Cli.Rendering;

/// <summary>
/// Shows ingest progress: a live bar on a terminal, or a plain line every few seconds when stderr is redirected
/// (CI logs, pipes), so long jobs are never silent.
/// </summary>
internal static class IngestProgressView
{
    public static async Task<IngestSummary> RunAsync(Func<IProgress<IngestProgress>, Task<IngestSummary>> job, TimeSpan plainInterval)
    {
        if (Terminal.Interactive)
        {
            return await Terminal.Error.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("ingest", maxValue: 1);
                    var progress = new Progress<IngestProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.FilesTotal);
                        task.Value = p.FilesDone;
                        task.Description = $"{p.FilesDone}/{p.FilesTotal} files, {p.ArticlesWritten} articles, {p.Problems} skipped";
                    });
                    return await job(progress);
                });
        }

        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var lastSeen = default(IngestProgress);
        var sync = new object();
        var plain = new SyncProgress<IngestProgress>(p =>
        {
            lock (sync)
            {
                lastSeen = p;
                if (clock.Elapsed - last < plainInterval)
                {
                    return;
                }

                last = clock.Elapsed;
                Console.Error.WriteLine(Line(p, clock.Elapsed));
            }
        });
        var summary = await job(plain);
        if (lastSeen is not null && clock.Elapsed > plainInterval)
        {
            Console.Error.WriteLine(Line(lastSeen, clock.Elapsed));
        }

        return summary;
    }

    private static string Line(IngestProgress p, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"ingest: {p.FilesDone}/{p.FilesTotal} files, {p.ArticlesWritten} articles written, {p.Problems} skipped, {elapsed.TotalSeconds:0}s");
}
