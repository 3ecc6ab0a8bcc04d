using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline status</c>: the shared ingest queue — files claimed per worker (live or run out) and files done per worker.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("status", "Show the ingest queue: which worker holds which file, claims that ran out, files done per worker") { format };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var status = await store.GetQueueStatusAsync(ct);
            var workers = status.Claims.GroupBy(c => c.Worker).Select(g => g.Key)
                .Union(status.DoneByWorker.Select(d => d.Key)).Order(StringComparer.Ordinal).ToList();
            if (result.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    store = store.Location,
                    done = status.Done,
                    claimed = status.Claims.Count(c => !c.Expired),
                    expired = status.Claims.Count(c => c.Expired),
                    workers = workers.Select(w => new
                    {
                        worker = w.Length == 0 ? null : w,
                        done = status.DoneByWorker.FirstOrDefault(d => d.Key == w).Value,
                        claims = status.Claims.Where(c => c.Worker == w).Select(c => new
                        {
                            path = c.Path,
                            claimed_at = c.ClaimedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                            expires_at = c.ExpiresAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                            expired = c.Expired,
                            takeovers = c.Takeovers,
                        }),
                    }),
                }, CliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).Title("Ingest queue")
                .AddColumn("worker").AddColumn(new TableColumn("done").RightAligned()).AddColumn(new TableColumn("claimed").RightAligned())
                .AddColumn(new TableColumn("run out").RightAligned()).AddColumn("files held");
            foreach (var w in workers)
            {
                var claims = status.Claims.Where(c => c.Worker == w).ToList();
                table.AddRow(Markup.Escape(w.Length == 0 ? "(before workers were recorded)" : w),
                    status.DoneByWorker.FirstOrDefault(d => d.Key == w).Value.ToString("N0", CultureInfo.InvariantCulture),
                    claims.Count(c => !c.Expired).ToString("N0", CultureInfo.InvariantCulture),
                    claims.Count(c => c.Expired).ToString("N0", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", claims.Take(3).Select(c => Path.GetFileName(c.Path))) + (claims.Count > 3 ? $" … {claims.Count - 3} more" : string.Empty)));
            }

            table.Caption(Markup.Escape($"{store.Location} · {status.Done:N0} files done, {status.Claims.Count(c => !c.Expired):N0} being read, "
                + $"{status.Claims.Count(c => c.Expired):N0} claims ran out (their files go to the next worker that asks)"));
            Terminal.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
