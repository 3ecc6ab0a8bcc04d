using System.CommandLine;
using System.Text;
using Dateline.Cli.Rendering;
using Dateline.Core.Serialization;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline export --format jsonl|csv|parquet [--out FILE]</c>: every matching article, streamed, never capped.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl, csv or parquet (parquet needs --out)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "parquet");
        var output = new Option<string?>("--out") { Description = "Write to FILE instead of stdout" };
        var filters = new FilterOptions();
        var command = new Command("export", "Export stored articles (all of them, streamed)") { format, output };
        filters.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var filter = filters.Read(result);
            var path = result.GetValue(output);
            if (result.GetValue(format) == "parquet" && path is null)
            {
                throw new UsageException("--format parquet writes a file: add --out FILE.parquet");
            }

            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var matched = await store.CountAsync(filter, ct);
            if (result.GetValue(format) == "parquet")
            {
                var rows = await ParquetExport.WriteFileAsync(store.ExportAsync(filter, ct), ParquetExport.Row, path!, ct);
                await Console.Error.WriteLineAsync($"matched {matched}, exported {rows} to {path}");
                return ExitCodes.Success;
            }

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
