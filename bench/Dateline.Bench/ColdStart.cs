using System.Diagnostics;
using System.Globalization;

namespace Dateline.Bench;

/// <summary>
/// Whole-process throughput, start-up included, as a CLI user meets it (issue 14): the `dateline extract` command over
/// the pages, against a process that starts, runs SmartReader once over the same pages and exits. Rounds alternate the
/// two; medians of pages per wall-clock second and their ratio.
/// </summary>
internal static class ColdStart
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3 || args[1] != "--cli")
        {
            Console.Error.WriteLine("usage: Dateline.Bench coldstart DIR --cli PATH [--rounds N]   (PATH: ./dateline, or the CLI's dateline.dll)");
            return 2;
        }

        var rounds = args.Length > 4 && args[3] == "--rounds" ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
        var cli = Path.GetFullPath(args[2]);
        // Only the pages: a benchmark folder also holds gold files, which `extract` would read as JSON records.
        var pages = Path.Combine(Path.GetTempPath(), "dateline-coldstart-" + Environment.ProcessId);
        Directory.CreateDirectory(pages);
        foreach (var page in Directory.EnumerateFiles(args[0], "*.html"))
        {
            File.Copy(page, Path.Combine(pages, Path.GetFileName(page)), overwrite: true);
        }

        var count = Directory.GetFiles(pages).Length;
        var self = Environment.ProcessPath!;
        var dll = typeof(ColdStart).Assembly.Location;
        List<double> dateline = [], smartReader = [];
        try
        {
            for (var r = 0; r < rounds; r++)
            {
                var d = cli.EndsWith(".dll", StringComparison.Ordinal) ? Start("dotnet", [cli, "extract", pages]) : Start(cli, ["extract", pages]);
                dateline.Add(count / await TimeAsync(d));
                var s = self.EndsWith("dotnet", StringComparison.Ordinal) ? Start(self, [dll, "engine", "smartreader", pages]) : Start(self, ["engine", "smartreader", pages]);
                s.Environment["BENCH_ONCE"] = "1";
                smartReader.Add(count / await TimeAsync(s));
            }
        }
        finally
        {
            Directory.Delete(pages, recursive: true);
        }

        static double Median(List<double> xs)
        {
            var s = xs.Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} pages, {rounds} rounds; whole-process pages/s (median): dateline {Median(dateline):0.0}, smartreader {Median(smartReader):0.0}; " +
            $"ratio {Median(dateline) / Median(smartReader):0.00}x; dateline rounds: {string.Join(", ", dateline.Select(x => x.ToString("0.0", CultureInfo.InvariantCulture)))}"));
        return 0;
    }

    private static ProcessStartInfo Start(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }

    private static async Task<double> TimeAsync(ProcessStartInfo psi)
    {
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
        return clock.Elapsed.TotalSeconds;
    }
}
