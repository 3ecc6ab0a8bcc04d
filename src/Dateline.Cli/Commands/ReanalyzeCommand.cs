using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Ingestion.Analysis;
using Microsoft.Extensions.Logging;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>dateline reanalyze</c>: run the understanding pipeline and event coder again over stored articles (after an
/// upgrade of Dateline's models or lexicons, or new actor overrides), replacing their annotations and events, then
/// rebuild the cross-article actors. Resumable: a killed run is completed by the next one.
/// </summary>
internal static class ReanalyzeCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Analyse every stored article, not only those an older build or other overrides analysed" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count the articles that would be analysed" };
        var parallel = new Option<int>("--parallel") { Description = "Articles analysed at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var actors = new Option<string?>("--actors") { Description = "Tab-separated file of actors to add or override, beside those stored through the API" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("reanalyze", "Analyse stored articles again with this build, its models and the actor overrides; rebuild the actors")
        {
            all, dryRun, parallel, actors, format,
        };
        var dictionaries = new DictionaryOptions();
        dictionaries.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = GlobalOptions.CreateLogging(result);
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var overrides = await StoreActorOverrides.LoadAsync(store, result.GetValue(actors), ct);
            var pipeline = Dateline.Nlp.NlpPipelines.Default(actors: overrides, dictionaries: dictionaries.Load(result));
            var options = new ReanalyzeOptions
            {
                All = result.GetValue(all),
                DryRun = result.GetValue(dryRun),
                Parallelism = Math.Max(1, result.GetValue(parallel)),
            };
            var reanalyzer = new Reanalyzer(store, pipeline, options, logging.CreateLogger("reanalyze"));
            var summary = await ReanalyzeProgressView.RunAsync(progress => reanalyzer.RunAsync(progress, ct));
            if (result.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    store = store.Location,
                    analysis = summary.Fingerprint,
                    dry_run = options.DryRun,
                    pending = summary.Pending,
                    analyzed = summary.Analyzed,
                    actors = summary.Entities,
                    problems = summary.Problems.Select(p => new { article = p.Record, reason = p.Reason }),
                    elapsed_seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                    cancelled = summary.Cancelled,
                }, CliJson.Options));
            }
            else
            {
                await Console.Out.WriteLineAsync(options.DryRun
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"{summary.Pending:N0} articles would be analysed (analysis {summary.Fingerprint}) in {store.Location}")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"Analysed {summary.Analyzed:N0} of {summary.Pending:N0} articles (analysis {summary.Fingerprint}) in {summary.Elapsed.TotalSeconds:0.0} s; {summary.Entities:N0} actors; {summary.Problems.Count} problems"));
                foreach (var p in summary.Problems)
                {
                    await Console.Error.WriteLineAsync($"  {p.Record}: {p.Reason}");
                }
            }

            return summary.Cancelled ? ExitCodes.Fatal : summary.Problems.Count > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
        });
        return command;
    }
}
