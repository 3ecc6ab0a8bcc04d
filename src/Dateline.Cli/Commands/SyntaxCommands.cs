using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dateline.Nlp.Syntax;

namespace Dateline.Cli.Commands;

/// <summary><c>train tagger</c>, <c>train parser</c> and <c>eval syntax</c>: the syntax models from UD treebanks.</summary>
internal static class SyntaxCommands
{
    public static Command TrainTagger() => CreateTrain("tagger", "Train the part-of-speech tagger and lemmatiser (averaged perceptron) on CoNLL-U treebanks",
        "src/Dateline.Nlp/Models/tagger.bin", 10, (_, sentences, stream, iterations, log) =>
            SyntaxTraining.TrainTagger(sentences, stream, iterations, log: log));

    public static Command TrainParser()
    {
        var dev = new Option<string[]>("--dev") { Description = "CoNLL-U files to score after each iteration (to choose --iterations)", AllowMultipleArgumentsPerToken = true };
        var tagger = new Option<string?>("--tagger") { Description = "Tagger model that tags --dev and the unlabelled text (default: the shipped one)" };
        var text = new Option<string[]>("--unlabelled-text") { Description = "Folders of plain-text articles to parse for word-pair associations", AllowMultipleArgumentsPerToken = true };
        var gmb = new Option<string?>("--unlabelled-gmb") { Description = "GMB ner_dataset.csv (its sentences, for word-pair associations)" };
        var conll = new Option<string[]>("--unlabelled-conll") { Description = "CoNLL files (first column is the word) to parse for word-pair associations", AllowMultipleArgumentsPerToken = true };
        var baseParser = new Option<string?>("--base-parser") { Description = "With unlabelled text: parse it with this model (one trained on the same data without associations) instead of training one first" };
        var minUpdates = new Option<int>("--min-updates") { Description = "Keep features that took part in at least this many training updates", DefaultValueFactory = _ => 3 };
        var tryMinUpdates = new Option<int[]>("--try-min-updates") { Description = "With --dev: also score the model pruned at these levels", AllowMultipleArgumentsPerToken = true };
        var command = CreateTrain("parser", "Train the dependency parser (arc-eager, dynamic oracle, averaged perceptron) on CoNLL-U treebanks",
            "src/Dateline.Nlp/Models/parser.bin", 12, (parsed, sentences, stream, iterations, log) =>
            {
                var devSentences = (parsed.GetValue(dev) ?? []).SelectMany(Conllu.ReadFile).ToList();
                var unlabelled = UnlabelledText.Read(parsed.GetValue(conll) ?? [], parsed.GetValue(gmb), parsed.GetValue(text) ?? [], sentenceSplit: true);
                var taggerModel = devSentences.Count > 0 || unlabelled.Count > 0 ? SyntaxModels.Load(parsed.GetValue(tagger), "none") : null;
                SyntaxTraining.TrainParser(sentences, stream, iterations, log: log, dev: devSentences, tagger: taggerModel,
                    minUpdates: parsed.GetValue(minUpdates), tryMinUpdates: parsed.GetValue(tryMinUpdates), unlabelled: unlabelled, baseParser: parsed.GetValue(baseParser));
            });
        command.Options.Add(dev);
        command.Options.Add(tagger);
        command.Options.Add(minUpdates);
        command.Options.Add(tryMinUpdates);
        command.Options.Add(text);
        command.Options.Add(gmb);
        command.Options.Add(conll);
        command.Options.Add(baseParser);
        return command;
    }

    private static Command CreateTrain(string name, string description, string defaultOut, int defaultIterations,
        Action<ParseResult, List<ConlluSentence>, Stream, int, Action<string>> train)
    {
        var data = new Option<string[]>("--train") { Description = "CoNLL-U training files", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => defaultOut };
        var iterations = new Option<int>("--iterations") { Description = "Training passes", DefaultValueFactory = _ => defaultIterations };
        var holdOut = new Option<string?>("--hold-out") { Description = "Leave out one document-level fold of the training files, e.g. 1/5 (score it with `eval syntax --fold 1/5`)" };
        var command = new Command(name, description) { data, output, iterations, holdOut };
        command.SetAction((result, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var sentences = ReadAll(result.GetValue(data)!, result.GetValue(holdOut), inFold: false);
            Console.Error.WriteLine($"train {name}: {sentences.Count} sentences, {sentences.Sum(s => s.Words.Length)} words");
            var path = result.GetValue(output)!;
            var temp = path + ".tmp";
            using (var file = File.Create(temp))
            {
                train(result, sentences, file, result.GetValue(iterations), m => Console.Error.WriteLine($"train {name}: {m}"));
            }

            File.Move(temp, path, overwrite: true);
            Console.Error.WriteLine($"train {name}: wrote {path} ({new FileInfo(path).Length / 1024} KiB) in {clock.Elapsed.TotalSeconds:0} s");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static List<ConlluSentence> ReadAll(string[] files, string? fold, bool inFold)
    {
        var sentences = new List<ConlluSentence>();
        foreach (var file in files)
        {
            var read = Conllu.ReadFile(file);
            if (fold is not null)
            {
                var (index, count) = TreebankFolds.Parse(fold);
                read = TreebankFolds.Select(read, index, count, inFold);
            }

            sentences.AddRange(read);
        }

        return sentences;
    }

    public static Command EvalSyntax()
    {
        var file = new Argument<string[]>("file") { Description = "CoNLL-U files with gold annotation (e.g. en_ewt-ud-dev.conllu)", Arity = ArgumentArity.OneOrMore };
        var tagger = new Option<string?>("--tagger") { Description = "A tagger model file (default: the shipped one)" };
        var parser = new Option<string?>("--parser") { Description = "A parser model file (default: the shipped one)" };
        var fold = new Option<string?>("--fold") { Description = "Score only one document-level fold, e.g. 1/5 (the part `train --hold-out 1/5` left out)" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var predictions = new Option<string?>("--predictions") { Description = "Also write the predicted CoNLL-U to this file (to diff against the gold)" };
        var command = new Command("syntax", "Tagging, lemmas and dependencies on gold tokenisation: UPOS, XPOS, lemma accuracy, UAS, LAS") { file, tagger, parser, fold, format, predictions };
        command.SetAction((result, ct) =>
        {
            var model = SyntaxModels.Load(result.GetValue(tagger), result.GetValue(parser));

            var sentences = ReadAll(result.GetValue(file)!, result.GetValue(fold), inFold: true);
            var score = new SyntaxScore();
            var clock = Stopwatch.StartNew();
            var analyses = new List<SyntaxAnalysis>(sentences.Count);
            foreach (var s in sentences)
            {
                var analysis = model.Analyze(s.Forms());
                score.Add(s, analysis);
                analyses.Add(analysis);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            if (result.GetValue(predictions) is { } predictionsPath)
            {
                using var writer = new StreamWriter(predictionsPath);
                foreach (var s in sentences)
                {
                    Conllu.Write(writer, ConlluAnnotation.Annotate(s, model));
                }
            }

            if (result.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    sentences = score.Sentences,
                    words = score.Words,
                    upos = score.UposAccuracy,
                    xpos = score.XposAccuracy,
                    lemma = score.LemmaAccuracy,
                    uas = score.UasScore,
                    las = score.LasScore,
                    las_full_relation = score.FullLas,
                    words_per_second = score.Words / seconds,
                }, CliJson.Options));
                return Task.FromResult(ExitCodes.Success);
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{score.Sentences} sentences, {score.Words} words: UPOS {score.UposAccuracy:0.0000}  XPOS {score.XposAccuracy:0.0000}  lemma {score.LemmaAccuracy:0.0000}  UAS {score.UasScore:0.0000}  LAS {score.LasScore:0.0000}  (full relation {score.FullLas:0.0000})"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score.Words / seconds:0} words/s (tagger + lemmatiser + parser, one thread)"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
