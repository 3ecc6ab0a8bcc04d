using System.Globalization;

namespace Dateline.Ingestion.Following;

/// <summary>
/// A robots.txt file (RFC 9309, plus the common Crawl-delay extension): groups of <c>User-agent</c> lines with their
/// <c>Allow</c>/<c>Disallow</c> rules. The group for our product token wins over <c>*</c>; within it the longest
/// matching rule decides, and on a tie Allow wins. Patterns support <c>*</c> and a final <c>$</c>.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>Largest robots.txt read (RFC 9309 §2.5 asks crawlers to parse at least 500 KiB).</summary>
    public const int MaxBytes = 512 * 1024;

    private readonly List<Group> _groups;

    private RobotsTxt(List<Group> groups) => _groups = groups;

    /// <summary>No file (404): everything is allowed.</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>The server failed (5xx, unreachable): RFC 9309 §2.3.1.4 says assume complete disallow.</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Group(["*"], [new Rule("/", Allow: false)], null)]);

    private sealed record Rule(string Pattern, bool Allow);

    private sealed record Group(List<string> Agents, List<Rule> Rules, double? CrawlDelay);

    public static RobotsTxt Parse(string text)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = new Group([], [], null);
                        groups.Add(current);
                    }

                    current.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    // An empty Disallow allows everything; an empty Allow says nothing.
                    if (value.Length > 0)
                    {
                        current.Rules.Add(new Rule(value, key == "allow"));
                    }

                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        groups[groups.IndexOf(current)] = current = current with { CrawlDelay = seconds };
                    }

                    break;
            }

            lastWasAgent = false;
        }

        return new RobotsTxt(groups);
    }

    /// <summary>May a crawler calling itself <paramref name="productToken"/> fetch <paramref name="pathAndQuery"/>?</summary>
    public bool IsAllowed(string pathAndQuery, string productToken)
    {
        if (pathAndQuery.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var path = pathAndQuery.Length == 0 ? "/" : pathAndQuery;
        Rule? best = null;
        foreach (var rule in RulesFor(productToken))
        {
            if (Matches(rule.Pattern, path)
                && (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>The Crawl-delay for <paramref name="productToken"/>, if the file sets one.</summary>
    public TimeSpan? CrawlDelay(string productToken) =>
        Matching(productToken).Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null) is { } s ? TimeSpan.FromSeconds(s) : null;

    private IEnumerable<Rule> RulesFor(string productToken) => Matching(productToken).SelectMany(g => g.Rules);

    /// <summary>The groups naming our token; if none, the <c>*</c> groups.</summary>
    private List<Group> Matching(string productToken)
    {
        var token = productToken.ToLowerInvariant();
        var ours = _groups.Where(g => g.Agents.Any(a => a != "*" && a.Length > 0 && token.Contains(a, StringComparison.Ordinal))).ToList();
        return ours.Count > 0 ? ours : [.. _groups.Where(g => g.Agents.Contains("*"))];
    }

    /// <summary>Robots patterns: a prefix match where <c>*</c> is any run of characters and a final <c>$</c> anchors the end.</summary>
    internal static bool Matches(string pattern, string path)
    {
        // A pattern without '$' matches a prefix: the same as a full match with '*' appended.
        var p = pattern.EndsWith('$') ? pattern[..^1] : pattern + "*";

        // Glob matching with single-star backtracking: O(pattern × path) at worst, never exponential.
        int pi = 0, si = 0, star = -1, mark = 0;
        while (si < path.Length)
        {
            if (pi < p.Length && p[pi] != '*' && p[pi] == path[si])
            {
                pi++;
                si++;
            }
            else if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                mark = si;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }
}
