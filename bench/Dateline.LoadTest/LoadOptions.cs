using System.Globalization;
using System.Net;

namespace Dateline.LoadTest;

/// <summary>Command-line options, with the bounds that keep a run finite.</summary>
internal sealed record LoadOptions(Uri Url, int Clients, int Seconds, string? Key, int IngestDocs, int MaxRequestsPerClient)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback, int max) => Math.Clamp(int.Parse(Get(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), 1, max);
        return new LoadOptions(new Uri(Get("--url") ?? "http://127.0.0.1:5080"), Int("--clients", 100, 500), Int("--seconds", 60, 600),
            Get("--key") ?? Environment.GetEnvironmentVariable("DATELINE_API_KEY"), Int("--ingest-docs", 200, 5000), Int("--max-requests-per-client", 100_000, 1_000_000));
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
