using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline eval extraction|ner|quotes|events|syntax</c>: score a stage against gold data.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Score Dateline against gold data");
        eval.Subcommands.Add(EvalExtractionCommand.Create());
        eval.Subcommands.Add(CreateNer());
        eval.Subcommands.Add(CreateQuotes());
        eval.Subcommands.Add(CreateEvents());
        eval.Subcommands.Add(SyntaxCommands.EvalSyntax());
        eval.Subcommands.Add(EvalSimilarityCommand.Create());
        return eval;
    }

    private static Command CreateNer()
    {
        var file = new Argument<string>("file") { Description = "CoNLL-2003 file with gold tags (e.g. eng.testa)" };
        var model = new Option<string?>("--model") { Description = "Model file (default: the model built into Dateline)" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var predictions = new Option<string?>("--predictions") { Description = "Also write word, gold tag and predicted tag per line (CoNLL style) to this file" };
        var ner = new Command("ner", "Named entities: exact span+type P/R/F1 for PER, ORG, LOC") { file, model, format, predictions };
        ner.SetAction((result, ct) =>
        {
            var gold = Dateline.Nlp.Entities.ConllReader.Read(result.GetValue(file)!).Where(s => s.Tags is not null).ToList();
            var m = result.GetValue(model) is { } path
                ? Dateline.Nlp.Entities.NerModel.Load(File.OpenRead(path))
                : Dateline.Nlp.Entities.NerModels.Default;
            var report = Dateline.Evaluation.Entities.NerEvaluator.Run(m, gold);
            if (result.GetValue(predictions) is { } predictionsPath)
            {
                using var writer = new StreamWriter(predictionsPath);
                foreach (var (sentence, tags) in gold.Zip(report.Predictions))
                {
                    for (var i = 0; i < tags.Length; i++)
                    {
                        writer.WriteLine($"{sentence.Words[i]} {sentence.Tags![i]} {tags[i]}");
                    }

                    writer.WriteLine();
                }
            }

            if (result.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    types = report.Types.Select(t => new { t.Type, t.Precision, t.Recall, t.F1, t.Gold, t.Predicted, t.Correct }),
                    overall = new { report.Overall.Precision, report.Overall.Recall, report.Overall.F1 },
                    tokens_per_second = report.TokensPerSecond,
                }, CliJson.Options));
                return Task.FromResult(ExitCodes.Success);
            }

            foreach (var t in report.Types.Append(report.Overall))
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Type,-8} P {t.Precision:0.0000}  R {t.Recall:0.0000}  F1 {t.F1:0.0000}  (gold {t.Gold}, predicted {t.Predicted}, correct {t.Correct})"));
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Tokens} tokens, {report.TokensPerSecond:0} tokens/s tagging"));
            return Task.FromResult(ExitCodes.Success);
        });
        return ner;
    }

    private static Command CreateQuotes()
    {
        var dir = new Argument<string>("dir") { Description = "PolNeAR folder with text/ and attributions/ (e.g. ../shared/corpora/quotes/polnear/dev)" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var details = new Option<bool>("--details") { Description = "List every missed gold attribution and unmatched prediction on stderr" };
        var model = new Option<string?>("--model") { Description = "A quote model file to score instead of the shipped one (see `train quotes`)" };
        var bias = new Option<float?>("--cue-bias") { Description = "Override the model's cue bias (for choosing it on held-out training articles)" };
        var rules = new Option<bool>("--rules") { Description = "Score the rule extractor (quotes.cues.v1) instead of the model" };
        var heldOut = new Option<bool>("--held-out") { Description = "Score only every fifth article by id (the part `train quotes --hold-out` leaves out)" };
        var agreement = new Option<bool>("--agreement")
        {
            Description = "Score the annotators against each other instead of a system: in articles with several annotators, the first is the gold and the others are the predictions",
        };
        var quotes = new Command("quotes", "Quote attribution on PolNeAR: content overlap ≥ 50 % of gold and speaker overlap; P/R/F1") { dir, format, details, model, rules, bias, heldOut, agreement };
        quotes.SetAction((result, ct) =>
        {
            var folder = result.GetValue(dir)!;
            if (!Directory.Exists(Path.Combine(folder, "attributions")) || !Directory.Exists(Path.Combine(folder, "text")))
            {
                throw new UsageException($"'{folder}' has no text/ and attributions/ folders");
            }

            Dateline.Core.Pipelines.IPipelineComponent? stage = result.GetValue(rules) ? new Dateline.Nlp.Quotes.CueVerbQuoteExtractor() : null;
            if (result.GetValue(model) is { } modelPath)
            {
                using var file = File.OpenRead(modelPath);
                var loaded = Dateline.Nlp.Quotes.Attribution.QuoteModel.Load(file);
                loaded.CueBias = result.GetValue(bias) ?? loaded.CueBias;
                stage = new Dateline.Nlp.Quotes.PerceptronQuoteExtractor(loaded);
            }

            var report = result.GetValue(agreement)
                ? Dateline.Evaluation.Quotes.QuoteEvaluator.Agreement(folder, result.GetValue(details) ? Console.Error : null, ct)
                : Dateline.Evaluation.Quotes.QuoteEvaluator.Run(Dateline.Nlp.NlpPipelines.Default(quotes: stage), folder, result.GetValue(details) ? Console.Error : null,
                    result.GetValue(heldOut) ? Dateline.Evaluation.Quotes.BratAttributions.Part.HeldOut : Dateline.Evaluation.Quotes.BratAttributions.Part.All, ct);
            if (result.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    articles = report.Articles,
                    all = new { report.All.Precision, report.All.Recall, report.All.F1, report.All.Gold, report.All.Predicted },
                    speech = new { report.Speech.Precision, report.Speech.Recall, report.Speech.F1, report.Speech.Gold, report.Speech.Predicted },
                    speaker_accuracy = report.SpeakerAccuracy,
                    articles_per_second = report.ArticlesPerSecond,
                }, CliJson.Options));
                return Task.FromResult(ExitCodes.Success);
            }

            foreach (var (name, s) in new[] { ("all", report.All), ("speech", report.Speech) })
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-7} P {s.Precision:0.0000}  R {s.Recall:0.0000}  F1 {s.F1:0.0000}  (gold {s.Gold}, predicted {s.Predicted})"));
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"speaker accuracy {report.SpeakerAccuracy:0.0000} ({report.SpeakersRight} of {report.SpeakerPairs} gold attributions with a source whose content was found)"));
            Console.Out.WriteLine(result.GetValue(agreement)
                ? string.Create(CultureInfo.InvariantCulture, $"{report.Articles} pairs of annotators (the first annotator of an article against each other one)")
                : string.Create(CultureInfo.InvariantCulture, $"{report.Articles} articles, {report.ArticlesPerSecond:0.0} articles/s (whole pipeline)"));
            return Task.FromResult(ExitCodes.Success);
        });
        return quotes;
    }

    private static Command CreateEvents()
    {
        var file = new Argument<string>("file") { Description = "event records as JSON Lines (e.g. ../shared/corpora/events/dev.jsonl)" };
        var suite = new Option<string?>("--suite") { Description = "which records to score (default: plover-gsr-cameo, or the file's only suite)" };
        var fold = new Option<string?>("--fold") { Description = "Score only one story-level fold, e.g. 1/2 (stories by url, else records, dealt round-robin in file order)" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var details = new Option<bool>("--details") { Description = "List every record with a missed or spurious event on stderr" };
        var events = new Command("events", "Event coding: PLOVER type + source/target country match (and strict full codes); P/R/F1") { file, suite, fold, format, details };
        var dictionaries = new DictionaryOptions();
        dictionaries.AddTo(events);
        events.SetAction((result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"'{path}' does not exist");
            }

            (int, int)? folds = null;
            if (result.GetValue(fold) is { } f)
            {
                try
                {
                    folds = Dateline.Nlp.Syntax.TreebankFolds.Parse(f);
                }
                catch (FormatException e)
                {
                    throw new UsageException(e.Message);
                }
            }

            var suiteName = result.GetValue(suite);
            if (suiteName is null)
            {
                var suites = Dateline.Evaluation.Events.EventEvaluator.Read(path).Select(r => r.Suite).Distinct(StringComparer.Ordinal).ToList();
                suiteName = suites.Count == 1 ? suites[0] : "plover-gsr-cameo";
            }

            var report = Dateline.Evaluation.Events.EventEvaluator.Run(Dateline.Nlp.NlpPipelines.Default(dictionaries: dictionaries.Load(result)), path, suiteName,
                result.GetValue(details) ? Console.Error : null, folds, ct);
            if (report.Records == 0)
            {
                throw new UsageException($"no records of suite '{report.Suite}' in '{path}'");
            }

            if (result.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    suite = report.Suite,
                    records = report.Records,
                    passed = report.Passed,
                    country = new { report.Country.Precision, report.Country.Recall, report.Country.F1, report.Country.Gold, report.Country.Predicted },
                    strict = new { report.Strict.Precision, report.Strict.Recall, report.Strict.F1 },
                    cameo_root_accuracy = report.RootAccuracy,
                    sentences_per_second = report.SentencesPerSecond,
                }, CliJson.Options));
                return Task.FromResult(ExitCodes.Success);
            }

            foreach (var (name, s) in new[] { ("country", report.Country), ("strict", report.Strict) })
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-8} P {s.Precision:0.0000}  R {s.Recall:0.0000}  F1 {s.F1:0.0000}  (gold {s.Gold}, predicted {s.Predicted}, matched {s.Matched})"));
            }

            if (report.CameoRecords > 0)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cameo    root accuracy {report.RootAccuracy:0.0000}  exact {report.CameoExactCorrect}/{report.CameoRecords}"));
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"passed   {report.Passed}/{report.Records} records (every expected event with exact code and actors, and no other)"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Records} records, {report.SentencesPerSecond:0} sentences/s (whole pipeline)"));
            return Task.FromResult(ExitCodes.Success);
        });
        return events;
    }
}
