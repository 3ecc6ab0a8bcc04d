using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dateline.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener, a free port) for tests: routes by path and query, answers each
/// request with what the route returns for its n-th call, and records every request with its headers and arrival time.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<int, Request, Reply>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public sealed record Request(string PathAndQuery, TimeSpan At, IReadOnlyDictionary<string, string> Headers);

    public sealed record Reply(int Status, string Body = "", string ContentType = "text/html; charset=utf-8")
    {
        public Dictionary<string, string> Headers { get; init; } = [];

        public TimeSpan Delay { get; init; }
    }

    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public LoopbackServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                _listener.Start();
                BaseUrl = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // The port was taken between the probe and the start: try another.
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; } = string.Empty;

    public string Url(string pathAndQuery) => BaseUrl + pathAndQuery;

    public IReadOnlyList<Request> Requests => [.. _requests];

    public IReadOnlyList<Request> RequestsFor(string pathAndQuery) => [.. _requests.Where(r => r.PathAndQuery == pathAndQuery)];

    public void Map(string pathAndQuery, Func<int, Request, Reply> handler) => _routes[pathAndQuery] = handler;

    public void Map(string pathAndQuery, Reply reply) => Map(pathAndQuery, (_, _) => reply);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.PathAndQuery;
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new Request(path, Clock.Elapsed, headers);
        _requests.Enqueue(request);
        var n = _calls.AddOrUpdate(path, 1, (_, c) => c + 1);
        var reply = _routes.TryGetValue(path, out var handler) ? handler(n, request) : new Reply(404, "not found", "text/plain");
        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stop.Token);
            }

            var response = context.Response;
            response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers)
            {
                response.Headers[name] = value;
            }

            var body = Encoding.UTF8.GetBytes(reply.Body);
            if (reply.Status != 304)
            {
                response.ContentType = reply.ContentType;
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body, _stop.Token);
            }

            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client gave up (a timeout test) or the server is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop;
        _stop.Dispose();
    }
}
