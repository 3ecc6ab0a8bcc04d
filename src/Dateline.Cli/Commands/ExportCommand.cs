using System.CommandLine;
using System.Text;
using Dateline.Cli.Rendering;
using Dateline.Core.Serialization;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline export --format jsonl|csv [--out FILE]</c>: every matching article, streamed, never capped.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl or csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--out") { Description = "Write to FILE instead of stdout" };
        var filters = new FilterOptions();
        var command = new Command("export", "Export stored articles (all of them, streamed)") { format, output };
        filters.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var filter = filters.Read(result);
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var matched = await store.CountAsync(filter, ct);
            var path = result.GetValue(output);
            var temp = path is null ? null : path + ".partial";
            await using (var writer = temp is null
                             ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16)
                             : new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
            {
                var csv = result.GetValue(format) == "csv";
                long exported = 0;
                if (csv)
                {
                    await writer.WriteLineAsync(CsvWriter.Row(CsvWriter.Header));
                }

                await foreach (var article in store.ExportAsync(filter, ct))
                {
                    await writer.WriteLineAsync(csv ? CsvWriter.Row(article) : DatelineJson.Serialize(article));
                    exported++;
                }

                await writer.FlushAsync(ct);
                await Console.Error.WriteLineAsync($"matched {matched}, exported {exported}" + (path is null ? string.Empty : $" to {path}"));
            }

            if (temp is not null)
            {
                File.Move(temp, path!, overwrite: true);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
