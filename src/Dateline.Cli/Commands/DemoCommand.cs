using System.CommandLine;
using Dateline.Cli.Rendering;
using Dateline.Extraction.Reading;
using Dateline.Ingestion;
using Dateline.Storage.Search;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>dateline demo</c>: the newcomer's first run — ingests the bundled samples (and the canonical seed article when
/// <c>../shared/seed</c> is beside the repo) into the store, then shows what is there and one search.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var samples = new Option<string?>("--samples") { Description = "Sample folder (default: samples/ in the Dateline checkout)" };
        var command = new Command("demo", "Ingest the bundled sample corpus into the store and show a summary") { samples };
        command.SetAction(async (result, ct) =>
        {
            var home = Environment.GetEnvironmentVariable("DATELINE_HOME") ?? Directory.GetCurrentDirectory();
            var folder = result.GetValue(samples) ?? Path.Combine(home, "samples");
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"sample folder '{folder}' not found; pass --samples DIR or run from the Dateline checkout");
            }

            var inputs = new List<string> { folder };
            var seed = Path.GetFullPath(Path.Combine(home, "..", "shared", "seed"));
            if (Directory.Exists(seed))
            {
                inputs.Add(seed);
            }

            Terminal.Out.MarkupLine($"Ingesting [bold]{Markup.Escape(string.Join(", ", inputs))}[/] into [bold]{Markup.Escape(GlobalOptions.DbPath(result))}[/]");
            var code = await IngestCommand.RunAsync(result, inputs, new IngestOptions(), ExtractionOptions.Default, null, TimeSpan.FromSeconds(2),
                async (store, token) => Dateline.Nlp.NlpPipelines.Default(actors: await StoreActorOverrides.LoadAsync(store, null, token)), ct,
                embedThreads: 0);
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            StatsCommand.Write(await store.GetStatsAsync(ct), store.Location);
            var query = SearchQuery.Parse("summit OR talks");
            var found = await store.SearchAsync(new SearchRequest(query, Dateline.Storage.ArticleFilter.All, 5), ct);
            Terminal.Out.MarkupLine($"Top {found.Hits.Count} of {found.Total} for [bold]{Markup.Escape(found.Query)}[/]:");
            foreach (var h in found.Hits)
            {
                Console.Out.WriteLine($"  {h.Id}  {Core.Articles.ArticleDate.DayOf(h.Published),-10}  {h.Source}: {h.Title}");
            }

            Console.Out.WriteLine("Next: ./dateline search '\"summit talks\"'   ./dateline search --mode semantic 'leaders meet to mend ties'   ./dateline show ID   ./dateline events --actor JPN   ./dateline dyad JPN KOR --plot jpn-kor.png   ./dateline serve");
            return code;
        });
        return command;
    }
}
