using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Dateline.LoadTest;

/// <summary>Latencies per request kind and every error (status code or exception name).</summary>
internal sealed class Results
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();

    public int Errors => _errors.Values.Sum();

    public void Add(string kind, double ms, string? error)
    {
        _latencies.GetOrAdd(kind, _ => []).Add(ms);
        if (error is not null)
        {
            _errors.AddOrUpdate(kind + " " + error, 1, (_, n) => n + 1);
        }
    }

    public string Report(double seconds)
    {
        var sb = new StringBuilder();
        var reads = _latencies.Where(k => k.Key != "ingest batch").SelectMany(k => k.Value).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"reads: {reads.Count} requests, {reads.Count / seconds:F0}/s, errors {Errors}, p50 {Stats.Percentile(reads, 50):F1} ms, p90 {Stats.Percentile(reads, 90):F1} ms, p99 {Stats.Percentile(reads, 99):F1} ms, max {reads.DefaultIfEmpty().Max():F1} ms");
        foreach (var (kind, values) in _latencies.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var list = values.ToList();
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-13} n={list.Count,7}  p50 {Stats.Percentile(list, 50),8:F1} ms  p99 {Stats.Percentile(list, 99),8:F1} ms  max {list.Max(),8:F1} ms");
        }

        foreach (var (what, n) in _errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  error {what}: {n}");
        }

        return sb.ToString().TrimEnd();
    }
}

internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
