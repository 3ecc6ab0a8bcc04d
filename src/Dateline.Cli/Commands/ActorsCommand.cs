using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline actors [QUERY]</c>: actors across all stored articles, with aliases and roles over time.</summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "Part of a name or alias (all actors when omitted)", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "Maximum actors to list", DefaultValueFactory = _ => 50 };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("actors", "List actors across stored articles: aliases and roles over time") { query, limit, format };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var entities = await store.FindEntitiesAsync(result.GetValue(query), Math.Clamp(result.GetValue(limit), 1, 10_000), ct);
            if (result.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(entities, CliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("name").AddColumn("type").AddColumn("code")
                .AddColumn("roles (first … last seen)").AddColumn(new TableColumn("articles").RightAligned());
            foreach (var e in entities)
            {
                var roles = string.Join("\n", e.Roles.Select(r => $"{r.Role} ({r.First:yyyy-MM-dd} … {r.Last:yyyy-MM-dd})"));
                table.AddRow(Markup.Escape(e.Name), e.Type, Markup.Escape(e.Code ?? "-"), Markup.Escape(roles),
                    e.Articles.ToString(CultureInfo.InvariantCulture));
            }

            Terminal.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
