using System.Diagnostics;
using System.Globalization;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp;
using Dateline.Nlp.Sentences;
using Dateline.Nlp.Tokens;

namespace Dateline.Bench;

/// <summary>
/// Throughput of the understanding pipeline on one thread over plain-text articles (e.g. ../shared/corpora/raw/bbc):
/// tokens and sentences per second for each stage prefix (tokens; + sentences; the pipeline without events; the whole default pipeline), median of N rounds
/// after a warm-up, so the cost of each stage shows as a ratio to the tokenizer alone measured in the same run.
/// </summary>
internal static class UnderstandingThroughput
{
    public static int Run(string[] args)
    {
        var dir = args[0];
        var rounds = args.Length > 2 && args[1] == "--rounds" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var texts = Directory.EnumerateFiles(dir, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(400)
            .Select(File.ReadAllText).ToList();
        var tokens = texts.Sum(t => RuleTokenizer.Tokenize(t).Length);
        var sentenceCounter = new PipelineBuilder().Add(new RuleTokenizer()).Add(new PunctuationSentenceSplitter()).Build();
        var sentences = texts.Sum(t =>
        {
            var d = Document.FromText("s", t);
            sentenceCounter.Run(d, CancellationToken.None);
            return d.Get(Layers.Sentences).Length;
        });
        var stages = new (string Name, Pipeline Pipeline)[]
        {
            ("tokens", new PipelineBuilder().Add(new RuleTokenizer()).Build()),
            ("tokens+sentences", new PipelineBuilder().Add(new RuleTokenizer()).Add(new PunctuationSentenceSplitter()).Build()),
            ("pipeline without events", NlpPipelines.WithoutEvents()),
            ("full default pipeline", NlpPipelines.Default()),
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count} articles, {tokens:N0} tokens, {sentences:N0} sentences, one thread, median of {rounds} rounds"));
        double? baseline = null;
        foreach (var (name, pipeline) in stages)
        {
            RunOnce(texts, pipeline); // warm-up (JIT, model and lexicon loading)
            var times = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var clock = Stopwatch.StartNew();
                RunOnce(texts, pipeline);
                times.Add(clock.Elapsed.TotalSeconds);
            }

            var median = times.Order().ElementAt(times.Count / 2);
            var rate = tokens / median;
            baseline ??= rate;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-24} {rate,12:N0} tokens/s {sentences / median,10:N0} sentences/s   ({baseline / rate:0.0}x the tokenizer's time)   [{pipeline.Name}]"));
        }

        // What the event coder adds, measured as a paired ratio: the two pipelines alternate round by round, so load from
        // other processes on a shared machine hits both alike; the median of the per-round ratios is reported.
        var without = NlpPipelines.WithoutEvents();
        var full = NlpPipelines.Default();
        var ratios = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var a = Stopwatch.StartNew();
            RunOnce(texts, without);
            var ta = a.Elapsed.TotalSeconds;
            var b = Stopwatch.StartNew();
            RunOnce(texts, full);
            ratios.Add(b.Elapsed.TotalSeconds / ta);
        }

        var ratio = ratios.Order().ElementAt(ratios.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events add {(ratio - 1) * 100:0.0} % to the pipeline's time (paired rounds, median of {rounds} ratios: {string.Join(", ", ratios.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))})"));
        return 0;
    }

    private static void RunOnce(List<string> texts, Pipeline pipeline)
    {
        var i = 0;
        foreach (var text in texts)
        {
            var doc = Document.FromText("b" + i++, text);
            doc.Set(Layers.DocumentDate, new DateOnly(2005, 1, 1));
            pipeline.Run(doc, CancellationToken.None);
        }
    }
}
