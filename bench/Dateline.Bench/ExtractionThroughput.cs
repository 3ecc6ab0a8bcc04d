using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dateline.Extraction.Reading;

namespace Dateline.Bench;

/// <summary>
/// Whole-stage throughput: Dateline's extraction (`extract`, the same code path as the CLI) and SmartReader 0.11.1 over
/// the same pages, each in its own child process (so peak memory is per engine), alternating for N rounds on one core.
/// Reports the median pages/s of each, their ratio, and peak RSS.
/// </summary>
internal static class ExtractionThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dir = args[0];
        var rounds = args.Length > 2 && args[1] == "--rounds" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var self = Environment.ProcessPath!;
        var dll = typeof(ExtractionThroughput).Assembly.Location;
        var results = new Dictionary<string, List<(double PagesPerSecond, long PeakKb)>> { ["dateline"] = [], ["smartreader"] = [] };
        for (var r = 0; r < rounds; r++)
        {
            foreach (var engine in results.Keys)
            {
                var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
                if (self.EndsWith("dotnet", StringComparison.Ordinal))
                {
                    psi.ArgumentList.Add(dll);
                }

                foreach (var a in new[] { "engine", engine, dir })
                {
                    psi.ArgumentList.Add(a);
                }

                using var p = Process.Start(psi)!;
                var output = await p.StandardOutput.ReadToEndAsync();
                await p.WaitForExitAsync();
                var json = JsonDocument.Parse(output).RootElement;
                results[engine].Add((json.GetProperty("pages_per_second").GetDouble(), json.GetProperty("peak_rss_kb").GetInt64()));
            }
        }

        double Median(IEnumerable<double> xs)
        {
            var s = xs.Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
        }

        var d = Median(results["dateline"].Select(x => x.PagesPerSecond));
        var sr = Median(results["smartreader"].Select(x => x.PagesPerSecond));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rounds {rounds}; median pages/s: dateline {d:0.0}, smartreader {sr:0.0}; ratio {d / sr:0.00}x; " +
            $"peak RSS MB: dateline {results["dateline"].Max(x => x.PeakKb) / 1024.0:0}, smartreader {results["smartreader"].Max(x => x.PeakKb) / 1024.0:0}"));
        return 0;
    }

    /// <summary>One engine in this process: a warm-up pass, then three timed passes over every page; prints JSON.</summary>
    public static int RunEngine(string[] args)
    {
        var engine = args[0];
        var pages = Directory.EnumerateFiles(args[1], "*.html").Order(StringComparer.Ordinal)
            .Select(p => (Path: p, Html: File.ReadAllText(p))).ToList();
        var extractor = new ArticleExtractor();
        var chars = 0L;
        void Pass()
        {
            foreach (var (path, html) in pages)
            {
                if (engine == "parse")
                {
                    var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
                    chars += doc.Body?.ChildElementCount ?? 0;
                }
                else if (engine == "dateline")
                {
                    foreach (var o in extractor.Read(InputFile.FromBytes(path, System.Text.Encoding.UTF8.GetBytes(html))))
                    {
                        chars += o.Article?.Body.Length ?? 0;
                    }
                }
                else
                {
                    var article = new SmartReader.Reader("https://example.com/" + Path.GetFileName(path), html).GetArticle();
                    chars += article.TextContent?.Length ?? 0;
                }
            }
        }

        if (Environment.GetEnvironmentVariable("BENCH_ONCE") == "1")
        {
            var once = Stopwatch.StartNew();
            Pass();
            Console.Error.WriteLine($"one pass: {once.Elapsed.TotalMilliseconds:0} ms");
            return 0;
        }

        Pass(); // warm-up: JIT and caches
        var clock = Stopwatch.StartNew();
        const int passes = 3;
        for (var i = 0; i < passes; i++)
        {
            Pass();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["engine"] = engine,
            ["pages_per_second"] = pages.Count * passes / seconds,
            ["peak_rss_kb"] = PeakRssKb(),
            ["chars"] = chars,
        }));
        return 0;
    }

    private static long PeakRssKb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64 / 1024;
    }
}
