using System.CommandLine;
using System.Diagnostics;
using Dateline.Nlp.Entities;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline train ner --train FILE --out FILE</c>: retrain the committed statistical models.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Train Dateline's statistical models (see docs/MODELS.md)");
        var data = new Option<string>("--train") { Description = "CoNLL-2003 training file (token ... tag per line)", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => "src/Dateline.Nlp/Models/ner.bin" };
        var iterations = new Option<int>("--iterations") { Description = "Training passes", DefaultValueFactory = _ => 12 };
        var ner = new Command("ner", "Train the named-entity tagger (averaged perceptron)") { data, output, iterations };
        ner.SetAction((result, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var sentences = ConllReader.Read(result.GetValue(data)!).Where(s => s.Tags is not null).ToList();
            Console.Error.WriteLine($"train ner: {sentences.Count} sentences, {sentences.Sum(s => s.Words.Length)} tokens");
            var model = NerTrainer.TrainTwoPass(sentences, result.GetValue(iterations), log: m => Console.Error.WriteLine("train ner: " + m));
            var path = result.GetValue(output)!;
            using (var file = File.Create(path))
            {
                model.Save(file);
            }

            Console.Error.WriteLine($"train ner: wrote {path} ({new FileInfo(path).Length / 1024} KiB) in {clock.Elapsed.TotalSeconds:0} s");
            return Task.FromResult(ExitCodes.Success);
        });
        train.Subcommands.Add(ner);
        train.Subcommands.Add(CreateClusters());
        train.Subcommands.Add(CreateQuotes());
        train.Subcommands.Add(SyntaxCommands.TrainTagger());
        train.Subcommands.Add(SyntaxCommands.TrainParser());
        return train;
    }

    private static Command CreateClusters()
    {
        var conll = new Option<string[]>("--conll") { Description = "CoNLL files (first column is the word)", AllowMultipleArgumentsPerToken = true };
        var gmb = new Option<string?>("--gmb") { Description = "GMB ner_dataset.csv (Windows-1252)" };
        var text = new Option<string[]>("--text") { Description = "Folders of plain-text articles", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the classes", DefaultValueFactory = _ => "src/Dateline.Nlp/Data/clusters.tsv" };
        var command = new Command("clusters", "Learn word classes from unlabelled text for the entity tagger") { conll, gmb, text, output };
        command.SetAction((result, ct) =>
        {
            var sentences = UnlabelledText.Read(result.GetValue(conll) ?? [], result.GetValue(gmb), result.GetValue(text) ?? [], sentenceSplit: false);
            var clusters = Dateline.Nlp.Learning.WordClusters.Learn(sentences, log: m => Console.Error.WriteLine("train clusters: " + m));
            var path = result.GetValue(output)!;
            using (var writer = new StreamWriter(path))
            {
                clusters.Save(writer, $"Learned by `./dateline train clusters` from {sentences.Count} sentences of: "
                    + string.Join(", ", (result.GetValue(conll) ?? []).Concat(result.GetValue(text) ?? []).Append(result.GetValue(gmb) ?? string.Empty)
                        .Where(p => p.Length > 0).Select(Path.GetFileName)));
            }

            Console.Error.WriteLine($"train clusters: wrote {path} ({clusters.Count} words)");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command CreateQuotes()
    {
        var data = new Option<string>("--train") { Description = "PolNeAR folder with text/ and attributions/ (the train split)", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => "src/Dateline.Nlp/Models/quotes.bin" };
        var iterations = new Option<int>("--iterations") { Description = "Training passes", DefaultValueFactory = _ => 8 };
        var minWeight = new Option<float>("--min-weight") { Description = "Drop features whose weights are all below this (largest weight = 1000)", DefaultValueFactory = _ => 1f };
        var minUpdates = new Option<int>("--min-updates") { Description = "Keep features that took part in at least this many training mistakes", DefaultValueFactory = _ => 5 };
        var bias = new Option<float>("--cue-bias") { Description = "Added to the cue-begin score at tagging time (see docs/MODELS.md)", DefaultValueFactory = _ => 0f };
        var all = new Option<bool>("--all-annotators") { Description = "Learn from every annotator's version of an article, not only the first" };
        var holdOut = new Option<bool>("--hold-out")
        {
            Description = "Train on four fifths of the folder and score the model on the fifth left out (every fifth article by id), for choosing settings without dev",
        };
        var command = new Command("quotes", "Train the quote attribution model (cue tagger + source/content tagger)") { data, output, iterations, minWeight, minUpdates, all, bias, holdOut };
        command.SetAction((result, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var pipeline = Dateline.Nlp.NlpPipelines.WithoutQuotes();
            var documents = new List<(Dateline.Core.Documents.Document, IReadOnlyList<Dateline.Nlp.Quotes.Attribution.GoldQuote>)>();
            var part = result.GetValue(holdOut) ? Dateline.Evaluation.Quotes.BratAttributions.Part.WithoutHeldOut : Dateline.Evaluation.Quotes.BratAttributions.Part.All;
            foreach (var article in Dateline.Evaluation.Quotes.BratAttributions.ReadFolder(result.GetValue(data)!, result.GetValue(all), part))
            {
                ct.ThrowIfCancellationRequested();
                var doc = Dateline.Evaluation.Quotes.QuoteEvaluator.DocumentOf(article);
                pipeline.Run(doc, ct);
                documents.Add((doc, [.. article.Attributions.Select(a => new Dateline.Nlp.Quotes.Attribution.GoldQuote(a.Cue, a.Source, a.Content))]));
            }

            Console.Error.WriteLine($"train quotes: {documents.Count} articles, {documents.Sum(d => d.Item2.Count)} attributions ({clock.Elapsed.TotalSeconds:0} s to annotate)");
            var model = Dateline.Nlp.Quotes.Attribution.QuoteTrainer.Train(documents, result.GetValue(iterations), m => Console.Error.WriteLine("train quotes: " + m),
                minUpdates: result.GetValue(minUpdates));
            model.CueBias = result.GetValue(bias);
            var path = result.GetValue(output)!;
            using (var file = File.Create(path))
            {
                model.Save(file, result.GetValue(minWeight));
            }

            Console.Error.WriteLine($"train quotes: wrote {path} ({new FileInfo(path).Length / 1024} KiB, {model.FeatureCount} features before pruning) in {clock.Elapsed.TotalSeconds:0} s");
            if (result.GetValue(holdOut))
            {
                using var file = File.OpenRead(path); // the saved (pruned) model, as it would ship
                var saved = Dateline.Nlp.Quotes.Attribution.QuoteModel.Load(file);
                var report = Dateline.Evaluation.Quotes.QuoteEvaluator.Run(Dateline.Nlp.NlpPipelines.Default(quotes: new Dateline.Nlp.Quotes.PerceptronQuoteExtractor(saved)),
                    result.GetValue(data)!, null, Dateline.Evaluation.Quotes.BratAttributions.Part.HeldOut, ct);
                Console.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"held-out {report.Articles} articles: all P {report.All.Precision:0.0000} R {report.All.Recall:0.0000} F1 {report.All.F1:0.0000}, speech F1 {report.Speech.F1:0.0000}, speaker accuracy {report.SpeakerAccuracy:0.0000}"));
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
