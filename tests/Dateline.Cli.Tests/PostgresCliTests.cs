using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>
/// The CLI on a real PostgreSQL server (see TestPostgres): the same inputs give the same articles, stories and events
/// as on SQLite, re-ingesting changes nothing, and store URLs are checked before anything is opened.
/// </summary>
public sealed class PostgresCliTests
{
    [Fact]
    public async Task Ingest_into_postgres_stores_what_sqlite_stores()
    {
        var url = TestPostgres.NewDatabaseUrl("dateline_cli");
        using var tmp = new TempFolder();
        try
        {
            string[] inputs = [Path.Combine(RepoPaths.Root, "samples"), Corpora.SeedFolder];
            var sqlite = tmp.File("same.db");
            Assert.Equal(0, (await Cli.RunAsync(tmp.Path, ["--db", sqlite, "ingest", .. inputs])).ExitCode);
            var first = await Cli.RunAsync(tmp.Path, ["--db", url, "ingest", .. inputs]);
            Assert.True(first.ExitCode == 0, first.ToString());

            // The same numbers of everything, the same articles, the same events with the same evidence and reports.
            var (pgStats, liteStats) = (await StatsAsync(tmp, url), await StatsAsync(tmp, sqlite));
            foreach (var key in new[] { "articles", "files", "stories", "annotated", "actors", "events", "first_published", "last_published" })
            {
                Assert.Equal(liteStats.GetProperty(key).ToString(), pgStats.GetProperty(key).ToString());
            }

            Assert.True(pgStats.GetProperty("articles").GetInt32() >= 30);
            Assert.Equal(await LinesAsync(tmp, sqlite, "export"), await LinesAsync(tmp, url, "export"));
            Assert.Equal(await EventsAsync(tmp, sqlite), await EventsAsync(tmp, url));

            // Search finds the seed article; the hit set of a boolean query is the same.
            Assert.Equal(await HitsAsync(tmp, sqlite, "Ishiba OR Lee"), await HitsAsync(tmp, url, "Ishiba OR Lee"));
            var seed = (await LinesAsync(tmp, url, "export")).Select(l => JsonDocument.Parse(l).RootElement)
                .Single(a => a.GetProperty("origin").GetProperty("path").GetString()!.EndsWith(Path.GetFileName(Corpora.SeedArticle), StringComparison.Ordinal))
                .GetProperty("id").GetString();
            Assert.Contains(seed, await HitsAsync(tmp, url, "\"shuttle diplomacy\" Ishiba"));

            // Again: nothing new, nothing updated.
            var again = await Cli.RunAsync(tmp.Path, ["--db", url, "ingest", "--force", .. inputs]);
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal(pgStats.GetProperty("articles").GetInt32(), (await StatsAsync(tmp, url)).GetProperty("articles").GetInt32());
            Assert.Equal(await EventsAsync(tmp, sqlite), await EventsAsync(tmp, url));
        }
        finally
        {
            await TestPostgres.DropAsync(url);
        }
    }

    [Fact]
    public async Task A_fleet_of_ingests_with_one_killed_stores_what_one_sqlite_ingest_stores()
    {
        var url = TestPostgres.NewDatabaseUrl("dateline_fleet");
        using var tmp = new TempFolder();
        try
        {
            string[] inputs = [Path.Combine(RepoPaths.Root, "samples"), Corpora.SeedFolder, Corpora.Require(Path.Combine("corpora", "raw", "bbc", "politics"))];
            var sqlite = tmp.File("one.db");
            var reference = await Cli.RunAsync(tmp.Path, ["--db", sqlite, "ingest", .. inputs]);
            Assert.True(reference.ExitCode == 0, reference.ToString());

            // Three workers on the same inputs, one reader each; the first is killed (SIGKILL) while it holds claims.
            string[] worker = ["--db", url, "ingest", "--parallel", "1", "--claim-lease", "4", .. inputs];
            var first = await Cli.RunAsync(tmp.Path, ["--db", url, "stats"]); // creates the schema once, before the race
            Assert.True(first.ExitCode == 0, first.ToString());
            var processes = Enumerable.Range(0, 3).Select(_ => System.Diagnostics.Process.Start(Cli.StartInfo(tmp.Path, worker))!).ToList();
            var outputs = processes.Select(p => (p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync())).ToList();
            foreach (var p in processes)
            {
                p.StandardInput.Close();
            }

            await WaitForClaimsAsync(tmp, url, 3, () => processes.All(p => p.HasExited));
            Assert.False(processes[0].HasExited, "the worker to kill finished before it was killed; the test needs more input");
            processes[0].Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            foreach (var (p, i) in processes.Select((p, i) => (p, i)).Skip(1))
            {
                await p.WaitForExitAsync(timeout.Token);
                Assert.True(p.ExitCode == 0, $"worker {i}: exit {p.ExitCode}\n{await outputs[i].Item1}\n{await outputs[i].Item2}");
            }

            // The survivors took the killed worker's files over: one more ingest finds everything done.
            var after = await Cli.RunAsync(tmp.Path, ["--db", url, "ingest", .. inputs]);
            Assert.True(after.ExitCode == 0, after.ToString());
            Assert.Matches(@"stored \(new\)\s*│\s*0\s", after.Stdout);

            // Exactly the same articles (each once, with the same origin), annotations and files, and every article reporting
            // the same events. What links articles — stories (document frequencies as they stand when an article is stored),
            // reports grouped into one event (by story), country-less names joined to coded entities (those seen before) —
            // follows the order of storing and can differ from a single ingest's (docs/ARCHITECTURE.md, "Concurrent writers").
            Assert.Equal(await LinesAsync(tmp, sqlite, "export"), await LinesAsync(tmp, url, "export"));
            AssertSameSet(await EventReportsAsync(tmp, sqlite), await EventReportsAsync(tmp, url), "event reports");
            var (pgStats, liteStats) = (await StatsAsync(tmp, url), await StatsAsync(tmp, sqlite));
            foreach (var key in new[] { "articles", "files", "annotated" })
            {
                Assert.True(liteStats.GetProperty(key).ToString() == pgStats.GetProperty(key).ToString(),
                    $"{key}: {liteStats.GetProperty(key)} on SQLite, {pgStats.GetProperty(key)} on the fleet");
            }

            var status = await Cli.RunAsync(tmp.Path, "--db", url, "status", "--format", "json");
            var queue = JsonDocument.Parse(status.Stdout).RootElement;
            Assert.Equal(0, queue.GetProperty("claimed").GetInt32());
            Assert.True(queue.GetProperty("workers").GetArrayLength() >= 2, status.Stdout);
            Assert.Equal(liteStats.GetProperty("files").GetInt32(), queue.GetProperty("done").GetInt32());
        }
        finally
        {
            await TestPostgres.DropAsync(url);
        }
    }

    [Fact]
    public async Task A_server_restart_during_an_ingest_loses_nothing_and_stores_nothing_twice()
    {
        TestPostgres.RequireServer(); // the same skip/require rule; this test runs a server of its own, to restart it
        using var tmp = new TempFolder();
        var serverDir = Path.Combine(Path.GetTempPath(), "dateline-pg-restart-" + Guid.NewGuid().ToString("N")[..8]);
        var script = Path.Combine(RepoPaths.Root, "tools", "pg-test-server.sh");
        var server = (await RunToolAsync(script, "start", serverDir)).Trim();
        try
        {
            var url = server[..(server.LastIndexOf('/') + 1)] + "dateline_restart";
            string[] inputs = [Path.Combine(RepoPaths.Root, "samples"), Corpora.SeedFolder, Corpora.Require(Path.Combine("corpora", "raw", "bbc", "politics"))];
            var sqlite = tmp.File("one.db");
            var reference = await Cli.RunAsync(tmp.Path, ["--db", sqlite, "ingest", .. inputs]);
            Assert.True(reference.ExitCode == 0, reference.ToString());

            using var ingest = System.Diagnostics.Process.Start(Cli.StartInfo(tmp.Path, ["--db", url, "ingest", "--parallel", "1", .. inputs]))!;
            ingest.StandardInput.Close();
            var (stdout, stderr) = (ingest.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken), ingest.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
            await WaitForClaimsAsync(tmp, url, claimed: 1, () => ingest.HasExited);
            Assert.False(ingest.HasExited, "the ingest finished before the server was restarted; the test needs more input");
            await RunToolAsync(script, "bounce", serverDir, "3"); // stopped at once, as a crash would, and back 3 s later
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            await ingest.WaitForExitAsync(timeout.Token);
            Assert.True(ingest.ExitCode == 0, $"exit {ingest.ExitCode}\n{await stdout}\n{await stderr}");

            Assert.Equal(await LinesAsync(tmp, sqlite, "export"), await LinesAsync(tmp, url, "export"));
            AssertSameSet(await EventReportsAsync(tmp, sqlite), await EventReportsAsync(tmp, url), "event reports");
            Assert.Equal((await StatsAsync(tmp, sqlite)).GetProperty("files").GetInt32(), (await StatsAsync(tmp, url)).GetProperty("files").GetInt32());
        }
        finally
        {
            await RunToolAsync(script, "stop", serverDir);
        }
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>GETs <paramref name="path"/> once the server answers (it is starting), failing if it exits first.</summary>
    private static async Task<string> GetWhenUpAsync(HttpClient http, string path, System.Diagnostics.Process server)
    {
        for (var i = 0; i < 300; i++)
        {
            Assert.False(server.HasExited, "serve exited before it answered");
            try
            {
                var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
                return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        Assert.Fail("serve never answered");
        return string.Empty;
    }

    /// <summary>Equal lists, or a failure that lists what each side has that the other has not.</summary>
    private static void AssertSameSet(List<string> sqlite, List<string> postgres, string what)
    {
        var onlySqlite = sqlite.Except(postgres).Take(10).ToList();
        var onlyPostgres = postgres.Except(sqlite).Take(10).ToList();
        Assert.True(onlySqlite.Count == 0 && onlyPostgres.Count == 0 && sqlite.Count == postgres.Count,
            $"{what} differ ({sqlite.Count} on SQLite, {postgres.Count} on PostgreSQL)\nonly on SQLite:\n  {string.Join("\n  ", onlySqlite)}\nonly on PostgreSQL:\n  {string.Join("\n  ", onlyPostgres)}");
    }

    private static async Task<string> RunToolAsync(string script, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var (o, e) = (p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync());
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{script} {string.Join(' ', args)}: exit {p.ExitCode}\n{await o}\n{await e}");
        return await o;
    }

    /// <summary>Waits until the workers have claimed files and stored some (so the one killed holds claims mid-run).</summary>
    private static async Task WaitForClaimsAsync(TempFolder tmp, string url, int claimed, Func<bool> ended)
    {
        Cli.Result? last = null;
        for (var i = 0; i < 300 && !ended(); i++)
        {
            last = await Cli.RunAsync(tmp.Path, "--db", url, "status", "--format", "json");
            if (last.ExitCode == 0 && JsonDocument.Parse(last.Stdout).RootElement is var q && q.GetProperty("done").GetInt32() >= 20
                && q.GetProperty("claimed").GetInt32() >= claimed)
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the workers never claimed files; the last status: {last}");
    }

    [Fact]
    public async Task Copy_moves_a_store_to_postgres_and_back_unchanged()
    {
        var url = TestPostgres.NewDatabaseUrl("dateline_copy");
        using var tmp = new TempFolder();
        try
        {
            var original = tmp.File("original.db");
            var ingest = await Cli.RunAsync(tmp.Path, "--db", original, "ingest", Path.Combine(RepoPaths.Root, "samples"), Corpora.SeedFolder);
            Assert.True(ingest.ExitCode == 0, ingest.ToString());
            var embed = await Cli.RunAsync(tmp.Path, "--db", original, "embed", "--limit", "6");
            Assert.True(embed.ExitCode == 0, embed.ToString());
            var there = await Cli.RunAsync(tmp.Path, "copy", "--from", original, "--to", url, "--format", "json");
            Assert.True(there.ExitCode == 0, there.ToString());
            Assert.Equal(6, JsonDocument.Parse(there.Stdout).RootElement.GetProperty("vectors").GetInt32());
            Assert.Contains("copy: ", there.Stderr, StringComparison.Ordinal); // progress on stderr
            var back = tmp.File("back.db");
            var again = await Cli.RunAsync(tmp.Path, "copy", "--from", url, "--to", back, "--format", "json");
            Assert.True(again.ExitCode == 0, again.ToString());

            var summary = JsonDocument.Parse(again.Stdout).RootElement;
            Assert.Equal(summary.GetProperty("source").ToString(), summary.GetProperty("target").ToString());
            Assert.Equal(6, summary.GetProperty("vectors").GetInt32());
            foreach (var copy in new[] { url, back })
            {
                Assert.Equal(await LinesAsync(tmp, original, "export"), await LinesAsync(tmp, copy, "export"));
                // The same reports of the same events; an event's own text is its first report's, and the copy stores in
                // publication order, so that may be another article's sentence.
                AssertSameSet(await EventReportsAsync(tmp, original), await EventReportsAsync(tmp, copy), "event reports");
                var (a, b) = (await StatsAsync(tmp, original), await StatsAsync(tmp, copy));
                foreach (var key in new[] { "articles", "stories", "annotated", "actors", "events" })
                {
                    Assert.True(a.GetProperty(key).ToString() == b.GetProperty(key).ToString(), $"{key}: {a.GetProperty(key)} in the original, {b.GetProperty(key)} in {copy}");
                }
            }

            // Two `serve` instances over the one database answer alike.
            var hits = new List<string>();
            foreach (var port in new[] { FreePort(), FreePort() })
            {
                using var serve = System.Diagnostics.Process.Start(Cli.StartInfo(tmp.Path, "--db", url, "serve", "--urls", $"http://127.0.0.1:{port}"))!;
                try
                {
                    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
                    var body = await GetWhenUpAsync(http, "/api/search?q=Ishiba", serve);
                    var found = JsonDocument.Parse(body).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
                    Assert.NotEmpty(found);
                    hits.Add(string.Join(',', found.Order(StringComparer.Ordinal)));
                    Assert.True((await http.GetAsync("/events", TestContext.Current.CancellationToken)).IsSuccessStatusCode);
                }
                finally
                {
                    serve.Kill(entireProcessTree: true);
                }
            }

            Assert.Equal(hits[0], hits[1]);

            // Nothing to copy from, or the same store twice: clear errors, nothing created.
            var missing = await Cli.RunAsync(tmp.Path, "copy", "--from", tmp.File("nothing.db"), "--to", tmp.File("new.db"));
            Assert.True(missing.ExitCode == 1 && missing.Stderr.Contains("no store at", StringComparison.Ordinal), missing.ToString());
            Assert.False(File.Exists(tmp.File("new.db")));
            var same = await Cli.RunAsync(tmp.Path, "copy", "--from", original, "--to", original);
            Assert.True(same.ExitCode == 2, same.ToString());
        }
        finally
        {
            await TestPostgres.DropAsync(url);
        }
    }

    [Theory]
    [InlineData("mysql://root@localhost/news")]
    [InlineData("http://example.org/dateline.db")]
    public async Task A_store_url_of_an_unknown_scheme_is_a_usage_error_not_a_file(string db)
    {
        using var tmp = new TempFolder();
        var r = await Cli.RunAsync(tmp.Path, "--db", db, "stats");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("postgres://", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp.Path));
    }

    [Fact]
    public async Task A_postgres_server_that_does_not_answer_is_a_clear_error_without_the_password()
    {
        using var tmp = new TempFolder();
        // Port 9 on loopback: nothing listens there.
        var r = await Cli.RunAsync(tmp.Path, "--db", "postgres://someone:s3cret@127.0.0.1:9/news", "stats");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("postgres://someone@127.0.0.1:9/news", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", r.Stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> StatsAsync(TempFolder tmp, string db)
    {
        var r = await Cli.RunAsync(tmp.Path, "--db", db, "stats", "--format", "json");
        Assert.True(r.ExitCode == 0, r.ToString());
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    private static async Task<List<string>> LinesAsync(TempFolder tmp, string db, params string[] command)
    {
        var r = await Cli.RunAsync(tmp.Path, ["--db", db, .. command]);
        Assert.True(r.ExitCode == 0, r.ToString());
        return [.. r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every event (the store's own row id left out: it depends on write order) with the articles that report it.</summary>
    private static async Task<List<string>> EventsAsync(TempFolder tmp, string db) =>
        [.. (await LinesAsync(tmp, db, "events", "--all", "--format", "plover")).Select(line =>
        {
            var e = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!;
            e.Remove("id");
            return JsonSerializer.Serialize(e.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value));
        }).Order(StringComparer.Ordinal)];

    /// <summary>Every report of every event — article, evidence span, date, actors' codes, code, type, mode, score, modality — however the reports are grouped.</summary>
    private static async Task<List<string>> EventReportsAsync(TempFolder tmp, string db) =>
        [.. (await LinesAsync(tmp, db, "events", "--all", "--format", "plover")).SelectMany(line =>
        {
            var e = JsonDocument.Parse(line).RootElement;
            var what = string.Join('|', new[] { "date", "actor", "recipient", "cameo", "event_type", "mode", "quad_class", "goldstein", "modality", "negated" }
                .Select(k => e.GetProperty(k).ToString()));
            return e.GetProperty("articles").EnumerateArray().Select(a =>
                $"{a.GetProperty("id")}|{a.GetProperty("evidence_start")}|{a.GetProperty("evidence_end")}|{what}");
        }).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> HitsAsync(TempFolder tmp, string db, string query)
    {
        var r = await Cli.RunAsync(tmp.Path, "--db", db, "search", query, "--format", "json", "--limit", "100");
        Assert.True(r.ExitCode == 0, r.ToString());
        return [.. JsonDocument.Parse(r.Stdout).RootElement.GetProperty("results").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
    }
}
