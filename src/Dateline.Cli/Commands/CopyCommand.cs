using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Ingestion.Copying;
using Dateline.Storage;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline copy --from STORE --to STORE</c>: moves a store between back ends (SQLite ↔ PostgreSQL), streamed.</summary>
internal static class CopyCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The store to copy: a SQLite file or a postgres:// URL", Required = true };
        var to = new Option<string>("--to") { Description = "The store to copy into (created if missing; an existing one is merged into)", Required = true };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("copy", "Copy a store into another (SQLite to PostgreSQL and back): articles, annotations, events, actors, overrides")
        {
            from, to, format,
        };
        command.SetAction(async (result, ct) =>
        {
            var (fromStore, toStore) = (result.GetValue(from)!, result.GetValue(to)!);
            foreach (var location in new[] { fromStore, toStore })
            {
                if (ArticleStores.Problem(location) is { } problem)
                {
                    throw new UsageException(problem);
                }
            }

            if (!ArticleStores.IsPostgres(fromStore) && !File.Exists(fromStore))
            {
                await Console.Error.WriteLineAsync($"error: there is no store at {fromStore} to copy from");
                return ExitCodes.Fatal;
            }

            if (string.Equals(Path.GetFullPath(fromStore), Path.GetFullPath(toStore), StringComparison.Ordinal) && !ArticleStores.IsPostgres(fromStore)
                || string.Equals(fromStore, toStore, StringComparison.Ordinal))
            {
                throw new UsageException("--from and --to name the same store");
            }

            await using var source = await ArticleStores.OpenAsync(fromStore, ct);
            await using var target = await ArticleStores.OpenAsync(toStore, ct);
            var lastReport = DateTime.MinValue;
            var progress = new Progress<CopyProgress>(p =>
            {
                if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(1) || p.Copied == p.Total)
                {
                    lastReport = DateTime.UtcNow;
                    Console.Error.WriteLine($"copy: {p.Copied.ToString("N0", CultureInfo.InvariantCulture)}/{p.Total.ToString("N0", CultureInfo.InvariantCulture)} articles");
                }
            });
            var summary = await new StoreCopier(source, target).CopyAsync(progress, ct);
            if (result.GetValue(format) == "json")
            {
                object Counts(StoreStats s) => new { articles = s.Articles, annotated = s.Annotated, events = s.Events, actors = s.Entities, stories = s.Stories };
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    from = source.Location,
                    to = target.Location,
                    copied = summary.Articles,
                    vectors = summary.Vectors,
                    source = Counts(summary.Source),
                    target = Counts(summary.Target),
                    seconds = Math.Round(summary.Elapsed.TotalSeconds, 1),
                }, CliJson.Options));
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded).Title("Copy").AddColumn("").AddColumn(new TableColumn("from").RightAligned())
                    .AddColumn(new TableColumn("to").RightAligned());
                void Row(string name, long a, long b) => table.AddRow(name, a.ToString("N0", CultureInfo.InvariantCulture), b.ToString("N0", CultureInfo.InvariantCulture));
                Row("articles", summary.Source.Articles, summary.Target.Articles);
                Row("annotated", summary.Source.Annotated, summary.Target.Annotated);
                Row("events", summary.Source.Events, summary.Target.Events);
                Row("actors", summary.Source.Entities, summary.Target.Entities);
                Row("stories", summary.Source.Stories, summary.Target.Stories);
                table.Caption(Markup.Escape($"{source.Location} → {target.Location} · {summary.Articles:N0} articles and {summary.Vectors:N0} vectors copied in {summary.Elapsed.TotalSeconds:0.0} s"));
                Terminal.Out.Write(table);
            }

            // Every article of the source must be in the target now (it may hold more, when it was not empty).
            return summary.Articles == summary.Source.Articles && summary.Target.Articles >= summary.Source.Articles ? ExitCodes.Success : ExitCodes.Fatal;
        });
        return command;
    }
}
