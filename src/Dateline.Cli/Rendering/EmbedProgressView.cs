using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dateline.Ingestion.Embedding;
using Spectre.Console;

namespace Dateline.Cli.Rendering;

/// <summary>Progress of an embedding run on stderr (a bar on a terminal, a line every 2 s otherwise), and its summary.</summary>
internal static class EmbedProgressView
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    public static async Task<EmbedSummary> RunAsync(Func<IProgress<EmbedProgress>, Task<EmbedSummary>> job)
    {
        if (Terminal.Interactive)
        {
            return await Terminal.Error.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("embed", maxValue: 1);
                    return await job(new Progress<EmbedProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"embedding {p.Done}/{p.Total} articles");
                    }));
                });
        }

        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var sync = new Lock();
        return await job(new SyncProgress<EmbedProgress>(p =>
        {
            lock (sync)
            {
                if (clock.Elapsed - last >= PlainInterval)
                {
                    last = clock.Elapsed;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embed: {p.Done}/{p.Total} articles, {p.Elapsed.TotalSeconds:0}s"));
                }
            }
        }));
    }

    public static async Task WriteAsync(EmbedSummary summary, string store, bool json)
    {
        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                store,
                model = summary.Model,
                embedded = summary.Embedded,
                remaining = summary.Remaining,
                per_second = Math.Round(summary.PerSecond, 1),
                elapsed_seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                cancelled = summary.Cancelled,
            }, CliJson.Options));
            return;
        }

        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Embedded {summary.Embedded:N0} articles ({summary.Model}) in {summary.Elapsed.TotalSeconds:0.0} s ({summary.PerSecond:0.0}/s); {summary.Remaining:N0} without a vector{(summary.StoriesJoined > 0 ? $"; {summary.StoriesJoined:N0} joined the story of another outlet's report" : string.Empty)}{(summary.Cancelled ? " — stopped: run `dateline embed` again to go on" : string.Empty)}"));
    }
}
