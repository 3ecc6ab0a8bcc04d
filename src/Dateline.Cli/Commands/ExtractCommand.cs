using System.CommandLine;
using System.Text.Json;
using Dateline.Cli.Rendering;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;
using Dateline.Extraction.Reading;
using Dateline.Ingestion;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline extract PATH... [--format jsonl|json|text|markdown]</c>: print articles, no store.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "jsonl, json, text or markdown", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "json", "text", "markdown");
        var command = new Command("extract", "Extract articles and print them (nothing is stored)") { paths, format };
        var extractionOptions = new ExtractionOptionSet();
        extractionOptions.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var (files, problems) = InputFinder.Find(result.GetValue(paths)!);
            if (files.Count > 1)
            {
                // A batch of pages usually has one whose language is unclear: read the tables that pick Lingua's
                // candidates (tens of ms) on the other core while the first pages are read (a background thread never
                // delays the exit).
                _ = Task.Run(Dateline.Extraction.Metadata.LanguageIdentifier.Preload, ct);
            }

            var extractor = new ArticleExtractor(extractionOptions.Read(result));
            var fmt = result.GetValue(format)!;
            var stdout = Console.Out;
            var all = new List<Article>();
            foreach (var file in files)
            {
                foreach (var outcome in extractor.ReadFile(file, ct))
                {
                    if (outcome.Problem is { } p)
                    {
                        problems.Add(p);
                        await Console.Error.WriteLineAsync("skipped: " + p);
                        continue;
                    }

                    if (outcome.Article is not { } a)
                    {
                        continue; // a record skipped on purpose (a WARC request, an image): not an article
                    }

                    switch (fmt)
                    {
                        case "jsonl":
                            await stdout.WriteLineAsync(DatelineJson.Serialize(a));
                            break;
                        case "json":
                            all.Add(a);
                            break;
                        case "text":
                            await stdout.WriteLineAsync(ArticleText.Plain(a));
                            break;
                        default:
                            await stdout.WriteLineAsync(ArticleText.Markdown(a));
                            break;
                    }
                }
            }

            if (fmt == "json")
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(all, DatelineJson.Indented));
            }

            return problems.Count > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
        });
        return command;
    }
}
