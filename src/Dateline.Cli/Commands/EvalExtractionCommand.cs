using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Evaluation.Extraction;
using Dateline.Extraction.Reading;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>dateline eval extraction DIR [--folds K | --fold I/K]</c>: main-text extraction against gold article bodies, over
/// all pages or per host fold (every page of a host in one fold), so a rule can be judged on hosts it was not written from.
/// </summary>
internal static class EvalExtractionCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Folder of <id>.html pages with gold <id>.json (articleBody)" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var details = new Option<bool>("--details") { Description = "List every page's precision and recall" };
        var folds = new Option<int>("--folds")
        {
            Description = "Deal the pages' hosts into K folds (every page of a host in one fold) and score each fold",
            DefaultValueFactory = _ => 1,
        };
        var fold = new Option<string?>("--fold") { Description = "Score (and list with --details) only fold I of K host folds, e.g. 1/2" };
        var extraction = new Command("extraction", "Main-text extraction: token 4-gram window P/R/F1, averaged over pages") { dir, format, details, folds, fold };
        var extractionOptions = new ExtractionOptionSet();
        extractionOptions.AddTo(extraction);
        extraction.SetAction((result, ct) =>
        {
            var folder = result.GetValue(dir)!;
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"'{folder}' is not a folder");
            }

            var k = result.GetValue(folds);
            (int Index, int Count)? only = null;
            if (result.GetValue(fold) is { } f)
            {
                try
                {
                    only = Dateline.Nlp.Syntax.TreebankFolds.Parse(f);
                }
                catch (FormatException e)
                {
                    throw new UsageException(e.Message);
                }

                if (k > 1 && k != only.Value.Count)
                {
                    throw new UsageException($"--fold {f} does not match --folds {k}");
                }

                k = only.Value.Count;
            }

            if (k < 1)
            {
                throw new UsageException("--folds must be at least 1");
            }

            var report = new ExtractionEvaluator(new ArticleExtractor(extractionOptions.Read(result))).Run(folder, k, ct);
            var pages = only is { } o ? report.PageResults.Where(r => r.Fold == o.Index).ToList() : report.PageResults.ToList();
            var all = ExtractionEvaluator.Summarize(pages);
            var perFold = Enumerable.Range(1, k).Select(i => (Fold: i, Score: ExtractionEvaluator.Summarize(report.PageResults.Where(r => r.Fold == i).ToList()))).ToList();
            if (result.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    pages = all.Pages,
                    precision = all.Precision,
                    recall = all.Recall,
                    f1 = all.F1,
                    empty = pages.Count(r => r.Precision is null),
                    folds = k > 1 && only is null
                        ? perFold.Select(x => new { fold = x.Fold, pages = x.Score.Pages, precision = x.Score.Precision, recall = x.Score.Recall, f1 = x.Score.F1 })
                        : null,
                    pages_per_second = report.PagesPerSecond,
                    page_results = result.GetValue(details) ? pages : null,
                }, CliJson.Options));
                return Task.FromResult(ExitCodes.Success);
            }

            if (result.GetValue(details))
            {
                var table = new Table().Border(TableBorder.Simple).AddColumn("page").AddColumn("host").AddColumn("fold").AddColumn("P").AddColumn("R").AddColumn("paragraphs");
                foreach (var r in pages.OrderBy(r => Math.Min(r.Precision ?? 0, r.Recall)))
                {
                    table.AddRow(r.Id[..12], Markup.Escape(r.Host), r.Fold.ToString(CultureInfo.InvariantCulture), r.Precision?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-",
                        r.Recall.ToString("0.000", CultureInfo.InvariantCulture), r.Paragraphs.ToString(CultureInfo.InvariantCulture));
                }

                Terminal.Out.Write(table);
            }

            if (k > 1 && only is null)
            {
                foreach (var (i, s) in perFold)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"fold {i}/{k}  pages {s.Pages,3}  precision {s.Precision:0.0000}  recall {s.Recall:0.0000}  F1 {s.F1:0.0000}"));
                }

                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"mean of folds  F1 {perFold.Average(x => x.Score.F1):0.0000}  (std {StdDev(perFold.Select(x => x.Score.F1)):0.0000})"));
            }

            var label = only is { } one ? $"fold {one.Index}/{one.Count}  " : string.Empty;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}pages {all.Pages}  precision {all.Precision:0.0000}  recall {all.Recall:0.0000}  F1 {all.F1:0.0000}  empty {pages.Count(r => r.Precision is null)}  ({report.PagesPerSecond:0.0} pages/s, single thread)"));
            return Task.FromResult(ExitCodes.Success);
        });
        return extraction;
    }

    private static double StdDev(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, list.Count - 1));
    }

}
