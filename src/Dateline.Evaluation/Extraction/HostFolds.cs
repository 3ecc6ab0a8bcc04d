using System.Security.Cryptography;
using System.Text;

namespace Dateline.Evaluation.Extraction;

/// <summary>
/// Deals the hosts of a page collection into K folds, so that every page of a host lands in the same fold and a rule
/// written from one fold's pages can be judged on pages of hosts it was not written from. Hosts are ordered by the
/// SHA-256 of their name (stable across runs and machines, unrelated to the pages' content) and dealt round-robin, so
/// the folds hold about the same number of hosts.
/// </summary>
public static class HostFolds
{
    /// <summary>The 1-based fold of each host.</summary>
    public static Dictionary<string, int> Assign(IEnumerable<string> hosts, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var ordered = hosts.Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(h => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(h.ToLowerInvariant()))), StringComparer.Ordinal)
            .ToList();
        var folds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ordered.Count; i++)
        {
            folds[ordered[i]] = (i % count) + 1;
        }

        return folds;
    }

    /// <summary>The host of a page URL without a leading "www." ("www.wired.com" and "wired.com" are one site).</summary>
    public static string HostOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "(no url)";
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
