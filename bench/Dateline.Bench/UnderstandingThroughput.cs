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
/// tokens per second (wall clock and process CPU time) for each stage prefix (tokens; + sentences; + entities; all but quotes; with the rule quote extractor; the whole
/// default pipeline with the quote model), median of N rounds
/// (interleaved across the stages) after a warm-up, so the cost of each stage shows as a ratio to the tokenizer alone measured in the same run.
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
        var stages = new (string Name, Pipeline Pipeline)[]
        {
            ("tokens", new PipelineBuilder().Add(new RuleTokenizer()).Build()),
            ("tokens+sentences", new PipelineBuilder().Add(new RuleTokenizer()).Add(new PunctuationSentenceSplitter()).Build()),
            ("tokens+sentences+syntax", new PipelineBuilder().Add(new RuleTokenizer()).Add(new PunctuationSentenceSplitter())
                .Add(new Dateline.Nlp.Syntax.PerceptronDependencyParser(Dateline.Nlp.Syntax.SyntaxModels.Default)).Build()),
            ("tokens+sentences+entities", new PipelineBuilder().Add(new RuleTokenizer()).Add(new PunctuationSentenceSplitter())
                .Add(new Dateline.Nlp.Entities.PerceptronEntityRecognizer(Dateline.Nlp.Entities.NerModels.Default, Dateline.Nlp.Entities.ConllEntityTyper.Plain)).Build()),
            ("all but quotes", NlpPipelines.WithoutQuotes()),
            ("full, rule quotes", NlpPipelines.Default(quotes: new Dateline.Nlp.Quotes.CueVerbQuoteExtractor())),
            ("all but events", NlpPipelines.WithoutEvents()),
            ("full default pipeline", NlpPipelines.Default()),
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count} articles, {tokens:N0} tokens, one thread, median of {rounds} rounds"));
        // Rounds go across the stages (round 1 of each, then round 2 of each, …) so that a change in the machine's load
        // during the run hits every stage alike; the first round is a warm-up (JIT, model and lexicon loading).
        var times = stages.Select(_ => new List<double>()).ToArray();
        var cpuTimes = stages.Select(_ => new List<double>()).ToArray();
        for (var r = -1; r < rounds; r++)
        {
            for (var s = 0; s < stages.Length; s++)
            {
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                RunOnce(texts, stages[s].Pipeline);
                if (r >= 0)
                {
                    times[s].Add(clock.Elapsed.TotalSeconds);
                    cpuTimes[s].Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                }
            }
        }

        double? baseline = null;
        for (var s = 0; s < stages.Length; s++)
        {
            var rate = tokens / times[s].Order().ElementAt(times[s].Count / 2);
            baseline ??= rate;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stages[s].Name,-24} {rate,12:N0} tokens/s   ({baseline / rate:0.0}x the tokenizer's time)   {tokens / cpuTimes[s].Order().ElementAt(cpuTimes[s].Count / 2),12:N0} per CPU s   [{stages[s].Pipeline.Name}]"));
        }

        QuoteStages(texts, tokens, rounds);
        EventShare(texts, rounds);
        return 0;
    }

    /// <summary>
    /// The quote stage alone, on documents already annotated up to actors: the model and the rules, alternating round by
    /// round so both see the same machine load, median of the rounds. Timed in process CPU time, not wall time: on a shared
    /// machine a wall clock also counts the time other jobs held the core.
    /// </summary>
    private static void QuoteStages(List<string> texts, int tokens, int rounds)
    {
        var upstream = NlpPipelines.WithoutQuotes();
        var docs = texts.Select((t, i) =>
        {
            var doc = Document.FromText("q" + i, t);
            doc.Set(Layers.DocumentDate, new DateOnly(2005, 1, 1));
            upstream.Run(doc, CancellationToken.None);
            return doc;
        }).ToList();
        var model = new Dateline.Nlp.Quotes.PerceptronQuoteExtractor(Dateline.Nlp.Quotes.QuoteModels.Default);
        var rules = new Dateline.Nlp.Quotes.CueVerbQuoteExtractor();
        var stages = new (string Name, Func<Document, int> Run)[] { ("quotes.perceptron.v2 alone", d => model.Extract(d).Length), ("quotes.cues.v1 alone", d => rules.Extract(d).Length) };
        var times = stages.Select(_ => new List<double>()).ToArray();
        for (var r = -1; r < rounds; r++)
        {
            for (var s = 0; s < stages.Length; s++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var d in docs)
                {
                    stages[s].Run(d);
                }

                if (r >= 0)
                {
                    times[s].Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds); // round -1 is the warm-up
                }
            }
        }

        for (var s = 0; s < stages.Length; s++)
        {
            var median = times[s].Order().ElementAt(times[s].Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stages[s].Name,-28} {tokens / median,12:N0} tokens per CPU second"));
        }
    }

    /// <summary>
    /// What the event coder adds, as a paired ratio: the pipelines with and without events alternate round by round, so
    /// load from other processes on a shared machine hits both alike; the median of the per-round ratios is reported,
    /// with sentences per second for the whole pipeline.
    /// </summary>
    private static void EventShare(List<string> texts, int rounds)
    {
        var counter = new PipelineBuilder().Add(new RuleTokenizer()).Add(new PunctuationSentenceSplitter()).Build();
        var sentences = texts.Sum(t =>
        {
            var d = Document.FromText("s", t);
            counter.Run(d, CancellationToken.None);
            return d.Get(Layers.Sentences).Length;
        });
        var without = NlpPipelines.WithoutEvents();
        var full = NlpPipelines.Default();
        RunOnce(texts, without);
        RunOnce(texts, full);
        var ratios = new List<double>();
        var fullTimes = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var a = Stopwatch.StartNew();
            RunOnce(texts, without);
            var ta = a.Elapsed.TotalSeconds;
            var b = Stopwatch.StartNew();
            RunOnce(texts, full);
            fullTimes.Add(b.Elapsed.TotalSeconds);
            ratios.Add(b.Elapsed.TotalSeconds / ta);
        }

        var ratio = ratios.Order().ElementAt(ratios.Count / 2);
        var median = fullTimes.Order().ElementAt(fullTimes.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events add {(ratio - 1) * 100:0.0} % to the pipeline's time (paired rounds, median of {rounds} ratios: {string.Join(", ", ratios.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}); whole pipeline {sentences / median:N0} sentences/s ({sentences:N0} sentences)"));
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
