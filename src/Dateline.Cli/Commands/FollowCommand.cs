using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Dateline.Cli.Rendering;
using Dateline.Ingestion.Following;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline follow URL... [--interval 15m] [--once]</c>: poll feeds over HTTP and store their articles.</summary>
internal static partial class FollowCommand
{
    /// <summary>Polling a feed more often than this is impolite and rarely finds anything new.</summary>
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<unit>ms|s|m|h|d)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    public static Command Create()
    {
        var urls = new Argument<string[]>("urls") { Description = "Feed URLs (http or https)", Arity = ArgumentArity.OneOrMore };
        var interval = new Option<string>("--interval") { Description = "Time between polls: 90s, 15m, 1h", DefaultValueFactory = _ => "15m" };
        var once = new Option<bool>("--once") { Description = "Poll each feed once and exit (exit code 0, or 3 if something was skipped)" };
        var command = new Command("follow", "Poll RSS/Atom feeds over HTTP, and store and annotate their articles as ingest does (Ctrl+C stops)")
        {
            urls, interval, once,
        };
        var annotation = new AnnotationOptions();
        annotation.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var feeds = result.GetValue(urls)!;
            foreach (var url in feeds)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
                {
                    throw new UsageException($"'{url}' is not an http or https URL");
                }
            }

            var options = FollowOptions.Default with
            {
                Interval = ParseInterval(result.GetValue(interval)!),
                MaxAnalysisCharacters = annotation.AnalysisLimit(result),
            };
            var pipeline = annotation.PipelineFactory(result);
            using var logging = GlobalOptions.CreateLogging(result);
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            if (pipeline is not null)
            {
                options = options with { Pipeline = await pipeline(store, ct) };
            }

            using var fetcher = new PoliteFetcher(options, logging.CreateLogger("follow.http"));
            var follower = new FeedFollower(store, fetcher, options, logging.CreateLogger("follow"));
            if (result.GetValue(once))
            {
                var results = await follower.PollOnceAsync(feeds, ct);
                FollowView.Write(results, store.Location);
                return results.Any(r => r.Problems.Count > 0) ? ExitCodes.PartialSuccess : ExitCodes.Success;
            }

            IReadOnlyList<FeedPollResult> last = [];
            try
            {
                await Console.Error.WriteLineAsync($"following {feeds.Length} feed(s) every {options.Interval}; Ctrl+C stops");
                await follower.RunAsync(feeds, r =>
                {
                    last = r;
                    FollowView.Write(r, store.Location);
                }, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("stopped");
            }

            return last.Any(r => r.Problems.Count > 0) ? ExitCodes.PartialSuccess : ExitCodes.Success;
        });
        return command;
    }

    internal static TimeSpan ParseInterval(string text)
    {
        var m = Duration().Match(text.Trim());
        if (!m.Success)
        {
            throw new UsageException($"--interval '{text}' is not a duration; use e.g. 90s, 15m or 1h");
        }

        var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        var value = m.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "" or "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
        return value >= MinInterval
            ? value
            : throw new UsageException($"--interval {text} is shorter than {MinInterval.TotalSeconds:0} s; feeds should not be polled that often");
    }
}
