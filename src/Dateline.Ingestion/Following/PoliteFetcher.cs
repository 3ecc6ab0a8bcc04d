using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Dateline.Ingestion.Following;

/// <summary>
/// HTTP GET as a well-behaved crawler: robots.txt of every host is read and obeyed (redirect targets included), one
/// request at a time per host with <see cref="FollowOptions.HostSpacing"/> (or the site's Crawl-delay) between them,
/// retries with exponential back-off on 429/5xx/timeouts honouring Retry-After, a timeout and a size cap on every
/// response, conditional GET validators, and a User-Agent that says who we are. Thread-safe.
/// </summary>
public sealed class PoliteFetcher : IDisposable
{
    public const string FeedAccept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    public const string PageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private static readonly HashSet<int> Retryable = [408, 425, 429, 500, 502, 503, 504];

    private readonly HttpClient _http;
    private readonly FollowOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly HostGate _gate;
    private readonly ConcurrentDictionary<string, (RobotsTxt Robots, DateTimeOffset Expires, string? Error)> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _robotsLock = new(1, 1);

    public PoliteFetcher(FollowOptions options, ILogger logger, TimeProvider? clock = null)
    {
        _options = options;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        _gate = new HostGate(_clock);
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // each hop is checked against robots.txt and the host's rate limit
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // per request, below, so retries each get the full time
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    /// <summary>Fetches <paramref name="url"/>, sending the validators when given (a 304 comes back as NotModified).</summary>
    public async Task<FetchResult> GetAsync(Uri url, string accept, string? etag = null, string? lastModified = null,
        CancellationToken cancellationToken = default)
    {
        var requests = 0;
        for (var hop = 0; ; hop++)
        {
            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            {
                return new FetchResult(url, FetchStatus.Failed) { Error = "only http and https URLs are fetched", Requests = requests };
            }

            var (robots, robotsError) = await RobotsForAsync(url, cancellationToken);
            if (robotsError is not null)
            {
                // RFC 9309 §2.3.1.4: an unreachable robots.txt means "disallow all" for now; the caller may try later.
                return new FetchResult(url, FetchStatus.Unavailable) { Error = $"robots.txt unavailable ({robotsError})", Requests = requests };
            }

            if (!robots.IsAllowed(url.PathAndQuery, _options.RobotsToken))
            {
                _logger.LogInformation("robots.txt disallows {Url}", url);
                return new FetchResult(url, FetchStatus.Blocked) { Error = "robots.txt disallows it", Requests = requests };
            }

            var spacing = _options.HostSpacing;
            if (robots.CrawlDelay(_options.RobotsToken) is { } delay && delay > spacing)
            {
                spacing = delay < _options.MaxCrawlDelay ? delay : _options.MaxCrawlDelay;
            }

            var (result, redirect) = await SendWithRetriesAsync(url, accept, spacing, etag, lastModified, _options.MaxResponseBytes,
                truncate: false, cancellationToken);
            requests += result.Requests;
            if (redirect is null)
            {
                return result with { Requests = requests };
            }

            if (hop >= _options.MaxRedirects)
            {
                return new FetchResult(url, FetchStatus.Failed) { Error = $"more than {_options.MaxRedirects} redirects", Requests = requests };
            }

            url = redirect;
        }
    }

    private async Task<(RobotsTxt Robots, string? Error)> RobotsForAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (_robots.TryGetValue(origin, out var cached) && cached.Expires > _clock.GetUtcNow())
        {
            return (cached.Robots, cached.Error);
        }

        await _robotsLock.WaitAsync(ct);
        try
        {
            if (_robots.TryGetValue(origin, out cached) && cached.Expires > _clock.GetUtcNow())
            {
                return (cached.Robots, cached.Error);
            }

            var (robots, lifetime, error) = await FetchRobotsAsync(new Uri(origin + "/robots.txt"), ct);
            _robots[origin] = (robots, _clock.GetUtcNow() + lifetime, error);
            return (robots, error);
        }
        finally
        {
            _robotsLock.Release();
        }
    }

    private async Task<(RobotsTxt, TimeSpan, string?)> FetchRobotsAsync(Uri url, CancellationToken ct)
    {
        for (var hop = 0; hop <= _options.MaxRedirects; hop++)
        {
            var (result, redirect) = await SendWithRetriesAsync(url, "text/plain, */*;q=0.5", _options.HostSpacing, null, null,
                RobotsTxt.MaxBytes, truncate: true, ct);
            if (redirect is not null)
            {
                url = redirect;
                continue;
            }

            switch (result.Status)
            {
                case FetchStatus.Ok:
                    return (RobotsTxt.Parse(Encoding.UTF8.GetString(result.Body ?? [])), _options.RobotsLifetime, null);
                case FetchStatus.Failed when result.StatusCode is >= 400 and < 500:
                    return (RobotsTxt.AllowAll, _options.RobotsLifetime, null);
                default:
                    _logger.LogWarning("robots.txt at {Url} unavailable ({Error}); treating the host as disallowed for now", url, result.Error);
                    return (RobotsTxt.DisallowAll, _options.RobotsFailureLifetime, result.Error ?? result.Status.ToString());
            }
        }

        return (RobotsTxt.DisallowAll, _options.RobotsFailureLifetime, $"more than {_options.MaxRedirects} redirects");
    }

    private async Task<(FetchResult Result, Uri? Redirect)> SendWithRetriesAsync(Uri url, string accept, TimeSpan spacing,
        string? etag, string? lastModified, long maxBytes, bool truncate, CancellationToken ct)
    {
        var requests = 0;
        for (var attempt = 1; ; attempt++)
        {
            string error;
            TimeSpan? retryAfter = null;
            int? status = null;
            using (await _gate.EnterAsync(url.Authority, spacing, ct))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.Timeout);
                try
                {
                    requests++;
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.TryAddWithoutValidation("Accept", accept);
                    if (etag is not null)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    }

                    if (lastModified is not null)
                    {
                        request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                    }

                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                    status = (int)response.StatusCode;
                    _logger.LogDebug("GET {Url} → {Status}", url, status);
                    var result = new FetchResult(url, FetchStatus.Ok)
                    {
                        StatusCode = status,
                        Requests = requests,
                        ETag = response.Headers.ETag?.ToString() ?? etag,
                        LastModified = response.Content.Headers.TryGetValues("Last-Modified", out var lm) ? lm.FirstOrDefault() : lastModified,
                        MediaType = response.Content.Headers.ContentType?.MediaType,
                        Charset = response.Content.Headers.ContentType?.CharSet,
                    };
                    if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                    {
                        return (result, new Uri(url, location));
                    }

                    if (status == 304)
                    {
                        return (result with { Status = FetchStatus.NotModified }, null);
                    }

                    if (status is >= 200 and < 300)
                    {
                        var (body, tooLarge) = await ReadBodyAsync(response, maxBytes, truncate, timeout.Token);
                        return tooLarge
                            ? (result with { Status = FetchStatus.Failed, Error = $"response larger than the {Dateline.Extraction.Reading.Sizes.Format(maxBytes)} limit" }, null)
                            : (result with { Body = body }, null);
                    }

                    if (!Retryable.Contains(status.Value))
                    {
                        return (result with { Status = FetchStatus.Failed, Error = $"HTTP {status} {response.ReasonPhrase}".TrimEnd() }, null);
                    }

                    error = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
                    retryAfter = RetryAfter(response.Headers.RetryAfter);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    error = $"no complete response within {_options.Timeout.TotalSeconds:0.#} s";
                }
                catch (HttpRequestException ex)
                {
                    error = ex.Message;
                }
            }

            var wait = retryAfter ?? _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
            if (attempt >= _options.MaxAttempts || wait > _options.MaxRetryDelay)
            {
                var why = attempt >= _options.MaxAttempts ? $"after {attempt} tries" : $"the server asked to wait {wait.TotalSeconds:0} s";
                return (new FetchResult(url, FetchStatus.Unavailable) { StatusCode = status, Error = $"{error} ({why})", Requests = requests }, null);
            }

            _logger.LogInformation("GET {Url} failed ({Error}); retry {Attempt} in {Delay} s", url, error, attempt, wait.TotalSeconds);
            await Task.Delay(wait, _clock, ct);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _clock.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpResponseMessage response, long max, bool truncate, CancellationToken ct)
    {
        if (!truncate && response.Content.Headers.ContentLength > max)
        {
            return ([], true);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > max)
            {
                if (!truncate)
                {
                    return ([], true);
                }

                buffer.Write(chunk, 0, (int)(max - buffer.Length));
                break;
            }

            buffer.Write(chunk, 0, n);
        }

        return (buffer.ToArray(), false);
    }

    public void Dispose()
    {
        _http.Dispose();
        _robotsLock.Dispose();
    }
}
