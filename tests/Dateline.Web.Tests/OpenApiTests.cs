using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dateline.Testing;
using Dateline.Web.Tests.Client;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Dateline.Web.Tests;

/// <summary>
/// The OpenAPI document parses and validates with Microsoft.OpenApi, a client generated from it (Kiota, pinned in
/// .config/dotnet-tools.json; committed under Client/) compiles and calls the search endpoint, and the committed
/// document is the one the server serves now, so the client cannot silently go stale.
/// </summary>
public sealed class OpenApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_parses_as_openapi_3_without_errors_and_lists_the_api()
    {
        var json = await app.Client.GetStringAsync("/openapi/v1.json", Ct);
        var result = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        var document = result.Document!;
        Assert.Empty(document.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        foreach (var path in new[] { "/api/articles", "/api/articles/{id}", "/api/search", "/api/actors", "/api/actors/{id}", "/api/quotes", "/api/stats", "/api/health", "/api/ingest", "/api/actors/overrides" })
        {
            Assert.True(document.Paths.ContainsKey(path), path + " is missing");
        }

        var search = document.Paths["/api/search"].Operations![HttpMethod.Get];
        Assert.Equal("search", search.OperationId);
        Assert.Contains(search.Parameters!, p => p.Name == "q" && p.Required);
    }

    [Fact]
    public async Task The_committed_document_the_client_was_generated_from_is_current()
    {
        var live = JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json", Ct))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Client", "openapi.json"), Ct))!;
        Assert.True(JsonNode.DeepEquals(live, committed),
            "the API changed since the client was generated: run tools/generate-api-client.sh and commit tests/Dateline.Web.Tests/Client");
    }

    [Fact]
    public async Task The_generated_client_calls_search()
    {
        using var http = new HttpClient();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = app.BaseAddress.ToString().TrimEnd('/') };
        var client = new DatelineClient(adapter);
        var result = await client.Api.Search.GetAsync(r =>
        {
            r.QueryParameters.Q = "zeppelin OR ferry";
            r.QueryParameters.Limit = 1;
        }, Ct);
        Assert.NotNull(result);
        Assert.Equal("zeppelin OR ferry", result.Parsed);
        Assert.Equal(2, result.Total);
        Assert.Equal(((long?)2, (long?)2), (result.Matches, result.Ranked)); // well under the rank window: every match ranked
        var hit = Assert.Single(result.Hits!);
        Assert.NotNull(result.Next);
        Assert.NotEmpty(hit.Highlights!);
        Assert.Contains(hit.Title, new[] { "Museum reopens its zeppelin hall", "Harbour authority approves new ferry terminal" });

        // Facets and the date order through the generated client: the sources of both matches, newest first.
        var byDate = await client.Api.Search.GetAsync(r =>
        {
            r.QueryParameters.Q = "zeppelin OR ferry";
            r.QueryParameters.Sort = "date";
            r.QueryParameters.Facets = 5;
        }, Ct);
        Assert.Equal("date", byDate!.Sort);
        Assert.Equal(["Museum reopens its zeppelin hall", "Harbour authority approves new ferry terminal"], byDate.Hits!.Select(h => h.Title));
        Assert.Equal([("Coastal Courier", (long?)1), ("Northern Ledger", (long?)1)], byDate.Facets!.Sources!.Select(f => (f.Value, f.Count)));
        Assert.Equal(2, byDate.Facets.Counted);

        var health = await client.Api.Health.GetAsync(cancellationToken: Ct);
        Assert.Equal("ok", health!.Status);
    }

    [Fact]
    public async Task The_generated_client_pages_events_and_reads_a_dyad()
    {
        Corpora.Require("seed");
        using var http = new HttpClient();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = app.BaseAddress.ToString().TrimEnd('/') };
        var client = new DatelineClient(adapter);
        var page = await client.Api.Events.GetAsync(r =>
        {
            r.QueryParameters.SourceActor = "JPN";
            r.QueryParameters.Limit = 1;
        }, Ct);
        var first = Assert.Single(page!.Items!);
        Assert.StartsWith("JPN", first.SourceCode, StringComparison.Ordinal);
        Assert.NotEmpty(first.Reports!);
        Assert.NotNull(page.Next);

        var dyad = await client.Api.Dyads["JPN"]["KOR"].GetAsync(r => r.QueryParameters.Interval = "month", Ct);
        Assert.Equal(("JPN", "KOR", "month"), (dyad!.A, dyad.B, dyad.Interval));
        Assert.All(dyad.Points!, p => Assert.True(p.Articles >= 1 && p.Events >= 1));
    }

    [Fact]
    public async Task The_generated_client_reads_the_attention_of_two_queries_in_their_order()
    {
        using var http = new HttpClient();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = app.BaseAddress.ToString().TrimEnd('/') };
        var attention = await new DatelineClient(adapter).Api.Attention.GetAsync(r =>
        {
            r.QueryParameters.Q = ["zeppelin", "ferry"];
            r.QueryParameters.Interval = "month";
        }, Ct);
        Assert.Equal("month", attention!.Interval);
        Assert.Equal(["zeppelin", "ferry"], attention.Queries!.Select(q => q.Query));
        Assert.All(attention.Queries!, q =>
        {
            Assert.True(q.Matches >= 1, q.Query + " matches nothing");
            Assert.Equal(attention.Totals!.Select(t => (t.Period, t.Articles)), q.Periods!.Select(p => (p.Period, p.Total)));
            Assert.Equal(q.Matches - q.Undated, q.Periods!.Sum(p => p.Count));
        });
    }

    [Fact]
    public async Task Regenerating_the_client_with_the_pinned_kiota_gives_the_committed_code()
    {
        // Needs the Kiota tool (dotnet tool restore; from NuGet). Offline, the committed client is used as it is.
        var tool = await RunAsync("dotnet", "tool restore");
        if (tool.ExitCode != 0)
        {
            Assert.Skip("the pinned Kiota tool cannot be restored here: " + tool.Output.Trim());
        }

        using var tmp = new TempFolder();
        var committed = RepoPaths.InRepo("tests", "Dateline.Web.Tests", "Client");
        var generated = await RunAsync(RepoPaths.InRepo("tools", "kiota-generate.sh"), $"\"{Path.Combine(committed, "openapi.json")}\" \"{tmp.Path}\"");
        Assert.True(generated.ExitCode == 0, generated.Output);
        var expected = Directory.GetFiles(committed, "*.cs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(committed, f)).Order().ToList();
        var actual = Directory.GetFiles(tmp.Path, "*.cs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(tmp.Path, f)).Order().ToList();
        Assert.Equal(expected, actual);
        foreach (var file in expected)
        {
            Assert.True(File.ReadAllText(Path.Combine(committed, file)) == File.ReadAllText(Path.Combine(tmp.Path, file)), file + " differs: regenerate the client");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments)
    {
        var psi = new ProcessStartInfo(file, arguments) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync(Ct);
        var error = p.StandardError.ReadToEndAsync(Ct);
        await p.WaitForExitAsync(Ct);
        return (p.ExitCode, await output + await error);
    }
}
