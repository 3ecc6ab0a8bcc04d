using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Storage.Events;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline events</c> (list and export coded events) and <c>dateline dyad A B</c> (relations over time).</summary>
internal static class EventsCommand
{
    private static readonly JsonSerializerOptions Lines = new(CliJson.Options) { WriteIndented = false };

    public static Command CreateEvents()
    {
        var actor = new Option<string?>("--actor") { Description = "Events with this actor on either side (code prefix: JPN matches JPNGOV)" };
        var source = new Option<string?>("--source-actor") { Description = "Events whose source actor code starts with this" };
        var target = new Option<string?>("--target-actor") { Description = "Events whose target actor code starts with this" };
        var code = new Option<string?>("--code") { Description = "CAMEO code prefix (036, 04) or PLOVER type (CONSULT)" };
        var from = new Option<string?>("--from") { Description = "Events on or after this date (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Events on or before this date (YYYY-MM-DD)" };
        var all = new Option<bool>("--all") { Description = "Also negated, demanded and hypothetical events (not counted in aggregates)" };
        var limit = new Option<int?>("--limit") { Description = "At most this many events (default: every match)" };
        var format = new Option<string>("--format")
        {
            Description = "table, json (lines), csv, gdelt (GDELT 2.0 event rows), plover (PLOVER JSON lines) or parquet (needs --out)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv", "gdelt", "plover", "parquet");
        var output = new Option<string?>("--out") { Description = "Write to FILE instead of stdout (not with --format table); the file appears only when complete" };
        var command = new Command("events", "List or export coded events: who did what to whom, with the evidence")
        {
            actor, source, target, code, from, to, all, limit, format, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var query = new EventQuery(result.GetValue(actor), result.GetValue(source), result.GetValue(target), result.GetValue(code),
                FilterOptions.ParseDate(result.GetValue(from), "--from"), FilterOptions.ParseDate(result.GetValue(to), "--to"),
                result.GetValue(all), Limit: result.GetValue(limit) is { } l ? Math.Max(1, l) : null);
            var fmt = result.GetValue(format);
            var path = result.GetValue(output);
            if (fmt == "parquet" && path is null)
            {
                throw new UsageException("--format parquet writes a file: add --out FILE.parquet");
            }

            if (fmt == "table" && path is not null)
            {
                throw new UsageException("--out writes json, csv, gdelt, plover or parquet; choose one with --format");
            }

            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            if (query.From is not null || query.To is not null)
            {
                // Undated events (articles without a date, e.g. the BBC corpus) cannot fall in a date range: say so.
                var undated = (await store.EventsPerMonthAsync(query with { From = null, To = null }, ct)).Where(m => m.Month is null).Sum(m => m.Events);
                if (undated > 0)
                {
                    var (verb, be) = undated == 1 ? ("has", "is") : ("have", "are");
                    await Console.Error.WriteLineAsync(
                        $"{undated} matching event{(undated == 1 ? string.Empty : "s")} {verb} no date (the articles carry none) and {be} left out by --from/--to");
                }
            }

            var events = store.QueryEventsAsync(query, ct);
            if (fmt == "parquet")
            {
                var rows = await ParquetExport.WriteFileAsync(events, ParquetExport.Row, path!, ct);
                await Console.Error.WriteLineAsync($"exported {rows} events to {path}");
                return ExitCodes.Success;
            }

            var temp = path is null ? null : path + ".partial";
            if (fmt == "table")
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumn("date").AddColumn("source").AddColumn("target").AddColumn("cameo")
                    .AddColumn("plover").AddColumn(new TableColumn("goldstein").RightAligned()).AddColumn(new TableColumn("articles").RightAligned()).AddColumn("evidence");
                var n = 0;
                await foreach (var e in events)
                {
                    n++;
                    table.AddRow(e.Date ?? "-", Markup.Escape($"{e.SourceCode} {e.SourceText}"), Markup.Escape(e.TargetCode.Length > 0 ? $"{e.TargetCode} {e.TargetText}" : "-"),
                        e.Cameo, Markup.Escape(e.Plover + (e.Mode is { } mode ? " / " + mode : string.Empty) + (e.Modality == "actual" ? string.Empty : $" ({e.Modality})")), e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture),
                        EventFormats.Articles(e).ToString(CultureInfo.InvariantCulture), Markup.Escape(Shorten(e.Evidence, 90)));
                }

                Terminal.Out.Write(table);
                Terminal.Out.WriteLine($"{n} events");
                return ExitCodes.Success;
            }

            long written = 0;
            await using (var writer = temp is null ? null : new StreamWriter(temp, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                var output = (TextWriter?)writer ?? Console.Out;
                if (fmt == "csv")
                {
                    await output.WriteLineAsync(EventFormats.CsvHeader);
                }

                var added = DateTimeOffset.UtcNow;
                await foreach (var e in events)
                {
                    await output.WriteLineAsync(fmt switch
                    {
                        "csv" => EventFormats.Csv(e),
                        "gdelt" => EventFormats.Gdelt(e, added),
                        "plover" => EventFormats.Plover(e),
                        _ => JsonSerializer.Serialize(e, Lines),
                    });
                    written++;
                }
            }

            if (temp is not null)
            {
                File.Move(temp, path!, overwrite: true);
                await Console.Error.WriteLineAsync($"exported {written} events to {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateDyad()
    {
        var a = new Argument<string>("a") { Description = "First actor (code prefix, e.g. JPN or JPNGOV)" };
        var b = new Argument<string>("b") { Description = "Second actor (code prefix, e.g. KOR)" };
        var interval = new Option<string>("--interval") { Description = "day, week, month or year", DefaultValueFactory = _ => "month" };
        interval.AcceptOnlyFromAmong("day", "week", "month", "year");
        var from = new Option<string?>("--from") { Description = "From this date (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "To this date (YYYY-MM-DD)" };
        var format = new Option<string>("--format") { Description = "table, json or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var plot = new Option<string?>("--plot") { Description = "Also draw the series to this file (.png or .svg)" };
        var command = new Command("dyad", "Cooperation and conflict between two actors over time: counts by quad class, mean Goldstein, per 100 articles")
        {
            a, b, interval, from, to, format, plot,
        };
        command.SetAction(async (result, ct) =>
        {
            var plotPath = result.GetValue(plot);
            if (plotPath is not null && !plotPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && !plotPath.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--plot '{plotPath}' must end in .png or .svg");
            }

            var query = new DyadQuery(result.GetValue(a)!.ToUpperInvariant(), result.GetValue(b)!.ToUpperInvariant(), result.GetValue(interval)!,
                FilterOptions.ParseDate(result.GetValue(from), "--from"), FilterOptions.ParseDate(result.GetValue(to), "--to"));
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var points = await store.DyadAsync(query, ct);
            var undated = await store.UndatedDyadEventsAsync(query, ct);
            if (undated > 0 && result.GetValue(format) != "json")
            {
                await Console.Error.WriteLineAsync($"{undated} event{(undated == 1 ? string.Empty : "s")} between {query.A} and {query.B} "
                    + $"{(undated == 1 ? "has" : "have")} no date (the articles carry none) and {(undated == 1 ? "is" : "are")} not in the series; "
                    + $"list them with: dateline events --actor {query.A} --format csv");
            }

            if (plotPath is not null)
            {
                DyadChart.Save(query, points, plotPath);
            }

            switch (result.GetValue(format))
            {
                case "json":
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { a = query.A, b = query.B, interval = query.Interval, points, undated }, CliJson.Options));
                    break;
                case "csv":
                    await Console.Out.WriteLineAsync("period,events,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,a_to_b,b_to_a,mean_goldstein,articles,events_per_100_articles");
                    foreach (var p in points)
                    {
                        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{p.Period},{p.Events},{p.VerbalCooperation},{p.MaterialCooperation},{p.VerbalConflict},{p.MaterialConflict},{p.AToB},{p.BToA},{p.MeanGoldstein},{p.Articles},{p.EventsPerHundredArticles}"));
                    }

                    break;
                default:
                    var table = new Table().Border(TableBorder.Rounded).AddColumn("period");
                    foreach (var h in new[] { "events", "verbal coop", "material coop", "verbal conflict", "material conflict", $"{query.A}→{query.B}", $"{query.B}→{query.A}", "mean goldstein", "articles", "per 100 articles" })
                    {
                        table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
                    }

                    foreach (var p in points)
                    {
                        table.AddRow([p.Period, .. new object?[] { p.Events, p.VerbalCooperation, p.MaterialCooperation, p.VerbalConflict, p.MaterialConflict, p.AToB, p.BToA, p.MeanGoldstein, p.Articles, p.EventsPerHundredArticles }
                            .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "-")]);
                    }

                    Terminal.Out.Write(table);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
