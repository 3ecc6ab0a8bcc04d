using System.Text.Json;
using Dateline.Extraction.Reading;
using Dateline.Nlp.Actors;
using Dateline.Storage;
using Dateline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dateline.Web.Api;

/// <summary>
/// The writes: ingest documents or uploaded files, and add actor overrides. Every route needs the API key
/// (<see cref="ApiKeyFilter"/>), is rate-limited ("writes" policy) and has a request size cap.
/// </summary>
internal static class IngestApi
{
    public const string RateLimitPolicy = "writes";

    public static RouteGroupBuilder MapIngestApi(this RouteGroupBuilder api, WebOptions options)
    {
        var writes = api.MapGroup(string.Empty).AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(RateLimitPolicy);
        writes.MapPost("/ingest", IngestDocumentsAsync).WithName("ingest").WithTags("writes")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxIngestBytes))
            .WithSummary("Ingest documents (API key required)")
            .WithDescription("Documents in the JSON Lines record shape {url?, html?, text?, title?, published?, source?, tags?}, run through the same pipeline as `dateline ingest`. URL lists are refused: the API does not fetch pages; use `dateline follow`.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        writes.MapPost("/ingest/files", IngestFilesAsync).WithName("ingestFiles").WithTags("writes")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxIngestBytes))
            .DisableAntiforgery() // no cookies: the key travels in a header, which a cross-site form cannot set
            .WithSummary("Ingest uploaded files of any input format (API key required)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        writes.MapPost("/actors/overrides", OverridesAsync).WithName("addActorOverrides").WithTags("writes")
            .WithSummary("Add or replace actor overrides (API key required); later ingests apply them, POST /api/reanalyze applies them to stored articles")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPost("/reanalyze", ReanalyzeAsync).WithName("reanalyze").WithTags("writes")
            .WithSummary("Analyse stored articles again with this build and the stored actor overrides (API key required)")
            .WithDescription("Only articles another analysis made are analysed (all with all=true); their annotations and events are replaced and the actors rebuilt, as `dateline reanalyze` does.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> IngestDocumentsAsync(IngestRequest request, IngestService ingest,
        CancellationToken ct)
    {
        if (request.Urls is { Count: > 0 })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "URLs are not fetched",
                detail: "The API ingests documents only; it does not fetch URLs (a server that fetches what clients name can be made to reach private addresses). Send the page as `html`, or use `dateline follow` for feeds.");
        }

        if (request.Documents is not { Count: > 0 } documents)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No documents", detail: "Send {\"documents\": [{\"text\": …}, …]}.");
        }

        var inputs = documents.Select((d, i) => InputFile.FromBytes($"api:document-{i + 1}", JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, object?> { ["url"] = d.Url, ["html"] = d.Html, ["text"] = d.Text, ["title"] = d.Title, ["published"] = d.Published, ["source"] = d.Source, ["tags"] = d.Tags }
                .Where(kv => kv.Value is not null).ToDictionary()))).ToList();
        return TypedResults.Ok(Summarise(inputs.Count, await ingest.IngestAsync(inputs, ct)));
    }

    private static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> IngestFilesAsync(IFormFileCollection files, IngestService ingest,
        CancellationToken ct)
    {
        if (files.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No files", detail: "Send files as multipart/form-data.");
        }

        var inputs = new List<InputFile>(files.Count);
        foreach (var file in files)
        {
            using var ms = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
            await file.CopyToAsync(ms, ct);
            inputs.Add(InputFile.FromBytes("upload:" + Path.GetFileName(file.FileName), ms.ToArray()));
        }

        return TypedResults.Ok(Summarise(inputs.Count, await ingest.IngestAsync(inputs, ct)));
    }

    private static async Task<Results<Ok<ActorOverridesResponse>, ProblemHttpResult>> OverridesAsync(ActorOverridesRequest request,
        IArticleStore store, CancellationToken ct)
    {
        IReadOnlyList<ActorOverrides.Entry> entries;
        try
        {
            entries = ActorOverrides.ParseEntries(request.Lines ?? [], "request");
        }
        catch (FormatException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid actor overrides", detail: ex.Message);
        }

        var total = await store.SaveActorOverridesAsync([.. entries.Select(e => new StoredActorOverride(e.Name, e.Aliases, e.Type, e.Code, e.Country, e.Role))], ct);
        return TypedResults.Ok(new ActorOverridesResponse(entries.Count, total));
    }

    private static async Task<Ok<ReanalyzeResponse>> ReanalyzeAsync(IngestService ingest, bool? all, CancellationToken ct)
    {
        var s = await ingest.ReanalyzeAsync(all ?? false, ct);
        return TypedResults.Ok(new ReanalyzeResponse(s.Fingerprint, s.Pending, s.Analyzed, s.Entities,
            [.. s.Problems.Select(p => new IngestProblem(p.Path, p.Record, p.Reason))], (long)s.Elapsed.TotalMilliseconds));
    }

    private static IngestResponse Summarise(int inputs, Ingestion.IngestSummary s) => new(inputs, s.ArticlesRead, s.Inserted, s.Updated, s.Duplicates,
        [.. s.Problems.Select(p => new IngestProblem(p.Path, p.Record, p.Reason))], (long)s.Elapsed.TotalMilliseconds, s.Articles);
}
