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
        var iterations = new Option<int>("--iterations") { Description = "Training passes", DefaultValueFactory = _ => 10 };
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
        return train;
    }
}
