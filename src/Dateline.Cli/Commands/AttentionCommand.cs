using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Storage.Search;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline attention QUERY...</c>: matching articles per period for several queries, counts and shares.</summary>
internal static class AttentionCommand
{
    public static Command Create()
    {
        var queries = new Argument<string[]>("query")
        {
            Description = $"One query or more (at most {AttentionRequest.MaxQueries}), each in the language of 'dateline search'; quote each one",
            Arity = ArgumentArity.OneOrMore,
        };
        var interval = new Option<string>("--interval") { Description = "day, week (from Monday), month or year", DefaultValueFactory = _ => "week" };
        interval.AcceptOnlyFromAmong([.. Periods.Intervals]);
        var format = new Option<string>("--format")
        {
            Description = "table, json, or csv (one row per period and query: period,query,count,total,share)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var filters = new FilterOptions();
        var command = new Command("attention", "Attention over time: how many articles match each query per period, and their share of the articles stored then")
        {
            queries, interval, format,
        };
        filters.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var texts = result.GetValue(queries)!.Where(q => !string.IsNullOrWhiteSpace(q)).ToList();
            if (texts.Count is 0 or > AttentionRequest.MaxQueries)
            {
                throw new UsageException($"give between 1 and {AttentionRequest.MaxQueries} queries, not {texts.Count}");
            }

            var request = new AttentionRequest([.. texts.Select(SearchQuery.Parse)], filters.Read(result), result.GetValue(interval)!);
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var found = await store.AttentionAsync(request, ct);
            if (found.UndatedTotal > 0 && result.GetValue(format) != "json")
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{found.UndatedTotal} of the articles carry no date and are not in any {request.Interval}; undated matches: ")
                    + string.Join(", ", found.Series.Select(s => string.Create(CultureInfo.InvariantCulture, $"'{s.Query}' {s.Undated}"))));
            }

            switch (result.GetValue(format))
            {
                case "json":
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        interval = found.Interval,
                        articles = found.Articles,
                        undated = found.UndatedTotal,
                        totals = found.Totals,
                        queries = found.Series.Select(s => new { query = s.Query, parsed = s.Parsed, matches = s.Matches, undated = s.Undated, periods = found.Points(s) }),
                    }, CliJson.Options));
                    break;
                case "csv":
                    await Console.Out.WriteLineAsync("period,query,count,total,share");
                    foreach (var s in found.Series)
                    {
                        foreach (var p in found.Points(s))
                        {
                            await Console.Out.WriteLineAsync(CsvWriter.Row([p.Period, s.Query, N(p.Count), N(p.Total), p.Share.ToString(CultureInfo.InvariantCulture)]));
                        }
                    }

                    break;
                default:
                    var table = new Table().Border(TableBorder.Rounded).AddColumn(request.Interval);
                    foreach (var s in found.Series)
                    {
                        table.AddColumn(new TableColumn(Markup.Escape(s.Query)).RightAligned());
                    }

                    table.AddColumn(new TableColumn("all articles").RightAligned());
                    var points = found.Series.Select(found.Points).ToList();
                    for (var row = 0; row < found.Totals.Count; row++)
                    {
                        table.AddRow([found.Totals[row].Period, .. points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p[row].Count} ({p[row].Share:0.###%})")),
                            N(found.Totals[row].Articles)]);
                    }

                    table.Caption(Markup.Escape("matches (undated): " + string.Join(", ", found.Series.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Parsed} {s.Matches} ({s.Undated})")))));
                    Terminal.Out.Write(table);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
