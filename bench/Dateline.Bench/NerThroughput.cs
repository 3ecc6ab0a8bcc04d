using System.Diagnostics;
using System.Globalization;
using Dateline.Nlp.Entities;

namespace Dateline.Bench;

/// <summary>
/// The entity tagger alone on a CoNLL file (e.g. eng.testa): tokens per second of <see cref="NerModel.TagDocument"/> on one
/// thread (wall clock and process CPU time), median of N rounds after a warm-up round. <c>--model FILE</c> compares a trained model with the shipped one.
/// </summary>
internal static class NerThroughput
{
    public static int Run(string[] args)
    {
        var file = args[0];
        var rounds = 5;
        NerModel model = NerModels.Default;
        for (var a = 1; a + 1 < args.Length; a += 2)
        {
            if (args[a] == "--rounds")
            {
                rounds = int.Parse(args[a + 1], CultureInfo.InvariantCulture);
            }
            else if (args[a] == "--model")
            {
                using var stream = File.OpenRead(args[a + 1]);
                model = NerModel.Load(stream);
            }
        }

        var documents = ConllReader.Read(file).GroupBy(s => s.Document).Select(d => d.Select(s => s.Words).ToList()).ToList();
        var tokens = documents.Sum(d => d.Sum(s => s.Length));
        var times = new List<double>();
        var cpuTimes = new List<double>();
        for (var r = -1; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var d in documents)
            {
                model.TagDocument(d);
            }

            if (r >= 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
                cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }
        }

        var median = times.Order().ElementAt(times.Count / 2);
        var cpuMedian = cpuTimes.Order().ElementAt(cpuTimes.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{documents.Count} documents, {tokens:N0} tokens: {tokens / median:N0} tokens/s, {tokens / cpuMedian:N0} per CPU second (median of {rounds})"));
        return 0;
    }
}
