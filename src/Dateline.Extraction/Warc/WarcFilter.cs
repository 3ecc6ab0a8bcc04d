using System.Collections.Immutable;
using System.Globalization;

namespace Dateline.Extraction.Warc;

/// <summary>
/// Which WARC records to turn into articles, the same for the library and <c>dateline ingest</c>'s
/// <c>--from/--to/--host/--language</c>. Records left out are counted as skipped, not reported as problems.
/// </summary>
public sealed record WarcFilter
{
    private readonly ImmutableArray<string> _hosts = [];
    private readonly ImmutableArray<string> _languages = [];

    public static WarcFilter None { get; } = new();

    /// <summary>First crawl day kept (inclusive), compared with the UTC date of WARC-Date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last crawl day kept (inclusive), compared with the UTC date of WARC-Date.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Hosts kept: a record matches when its WARC-Target-URI host is one of these or a subdomain of one
    /// ("bbc.co.uk" keeps www.bbc.co.uk, not notbbc.co.uk). Stored normalised: lower case, IDN as punycode.</summary>
    public ImmutableArray<string> Hosts
    {
        get => _hosts;
        init => _hosts = [.. value.Select(NormalizeHost).Where(h => h.Length > 0).Distinct()];
    }

    /// <summary>Languages kept, matched against <c>Article.Language</c>: "en" keeps "en" and "en-GB"; "en-GB" keeps
    /// "en-GB" and a bare "en" (the page did not say which English); an article without a language is left out.</summary>
    public ImmutableArray<string> Languages
    {
        get => _languages;
        init => _languages = [.. value.Select(l => l.Trim().Replace('_', '-')).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public bool MatchesDate(DateTimeOffset? crawled)
    {
        if (From is null && To is null)
        {
            return true;
        }

        if (crawled is not { } c)
        {
            return false;
        }

        var day = DateOnly.FromDateTime(c.UtcDateTime);
        return (From is not { } from || day >= from) && (To is not { } to || day <= to);
    }

    public bool MatchesHost(string? targetUri)
    {
        if (_hosts.IsEmpty)
        {
            return true;
        }

        if (!Uri.TryCreate(targetUri, UriKind.Absolute, out var uri) || uri.IdnHost.Length == 0)
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        return _hosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal));
    }

    public bool MatchesLanguage(string? language)
    {
        if (_languages.IsEmpty)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(language))
        {
            return false;
        }

        var lang = language.Trim().Replace('_', '-');
        return _languages.Any(l => lang.Equals(l, StringComparison.OrdinalIgnoreCase)
                                   || lang.StartsWith(l + "-", StringComparison.OrdinalIgnoreCase)
                                   || l.StartsWith(lang + "-", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"https://www.BBC.co.uk/news" → "www.bbc.co.uk"; "*.bbc.co.uk" and ".bbc.co.uk" → "bbc.co.uk".</summary>
    private static string NormalizeHost(string host)
    {
        var h = host.Trim();
        if (h.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(h, UriKind.Absolute, out var uri))
        {
            h = uri.Host;
        }

        h = h.TrimStart('*').Trim('.').ToLowerInvariant();
        try
        {
            return h.Length == 0 ? h : new IdnMapping().GetAscii(h);
        }
        catch (ArgumentException)
        {
            return h;
        }
    }
}
