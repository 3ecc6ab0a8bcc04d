using System.Diagnostics;
using System.Globalization;
using Dateline.Nlp.Entities;
using Dateline.Nlp.Syntax;

namespace Dateline.Bench;

/// <summary>
/// The tagger alone and tagger + lemmatiser + parser on a CoNLL-U file's words (gold tokenisation), one thread, words
/// per CPU second, median of N rounds after a warm-up round; the entity tagger on the same sentences is the peer
/// measured in the same rounds (a ratio survives a noisy machine). <c>--tagger</c> and <c>--parser</c>
/// compare trained models with the shipped ones.
/// </summary>
internal static class SyntaxThroughput
{
    public static int Run(string[] args)
    {
        var file = args[0];
        var rounds = 5;
        string? tagger = null, parser = null;
        for (var a = 1; a + 1 < args.Length; a += 2)
        {
            switch (args[a])
            {
                case "--rounds": rounds = int.Parse(args[a + 1], CultureInfo.InvariantCulture); break;
                case "--tagger": tagger = args[a + 1]; break;
                case "--parser": parser = args[a + 1]; break;
                default: throw new ArgumentException($"unknown option {args[a]}");
            }
        }

        var load = Stopwatch.StartNew();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var full = SyntaxModels.Load(tagger, parser);
        var loadSeconds = load.Elapsed.TotalSeconds;
        var loadBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var tagOnly = SyntaxModels.Load(tagger, "none");
        var sentences = Conllu.ReadFile(file).Select(s => s.Forms()).ToList();
        var words = sentences.Sum(s => s.Length);
        var stages = new (string Name, Action<string[]> Run)[]
        {
            ("entity tagger (peer)", s => NerModels.Default.Tag(s)),
            ("tagger + lemmatiser", s => tagOnly.Analyze(s)),
            ("tagger + lemmatiser + parser", s => full.Analyze(s)),
        };
        var cpu = stages.Select(_ => new List<double>()).ToArray();
        for (var r = -1; r < rounds; r++)
        {
            for (var st = 0; st < stages.Length; st++)
            {
                var start = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var s in sentences)
                {
                    stages[st].Run(s);
                }

                if (r >= 0)
                {
                    cpu[st].Add((Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sentences.Count} sentences, {words:N0} words, one thread, median of {rounds} rounds; models loaded in {loadSeconds:0.00} s, {loadBytes / 1024.0 / 1024:0} MiB managed"));
        var peer = words / cpu[0].Order().ElementAt(rounds / 2);
        for (var st = 0; st < stages.Length; st++)
        {
            var rate = words / cpu[st].Order().ElementAt(rounds / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stages[st].Name,-30} {rate,10:N0} words per CPU s   ({rate / peer:0.00}x the peer)"));
        }

        return 0;
    }
}
