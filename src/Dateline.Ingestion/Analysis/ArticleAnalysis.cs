using System.Globalization;
using System.Text.Json;
using Dateline.Core.Articles;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Core.Serialization;
using Dateline.Storage;
using Dateline.Storage.Events;

namespace Dateline.Ingestion.Analysis;

/// <summary>
/// One article through the understanding pipeline into what the store keeps: its annotations (with the analysis
/// fingerprint), the events they report and what they say about actors. Shared by <c>ingest</c> and <c>reanalyze</c>.
/// </summary>
public static class ArticleAnalysis
{
    /// <summary>
    /// Characters of an article's body analysed by default (about 35,000 words, several times the longest news
    /// article): analysis memory and time grow with the text, and a 30 MB transcript would otherwise take gigabytes.
    /// The whole text is still stored and searchable; the article carries a warning (<see cref="LimitWarning"/>).
    /// </summary>
    public const int DefaultMaxCharacters = 200_000;

    /// <summary>The warning an article gets when only the first <paramref name="analysed"/> of its <paramref name="total"/> characters were analysed.</summary>
    public static string LimitWarning(int analysed, int total) => string.Create(CultureInfo.InvariantCulture,
        $"analysis limited to the first {analysed:N0} of {total:N0} characters (entities, quotes and events cover that part; the whole text is stored and searchable)");

    /// <summary>Runs <paramref name="pipeline"/> on one article; a component's failure is recorded in the layers' errors, never thrown.</summary>
    public static (ArticleAnnotations Annotations, IReadOnlyList<EntityObservation> Entities) Analyze(Article article, Pipeline pipeline,
        CancellationToken cancellationToken) => Analyze(article, pipeline, DefaultMaxCharacters, cancellationToken);

    /// <summary>Runs <paramref name="pipeline"/> on the first <paramref name="maxCharacters"/> of one article.</summary>
    public static (ArticleAnnotations Annotations, IReadOnlyList<EntityObservation> Entities) Analyze(Article article, Pipeline pipeline,
        int maxCharacters, CancellationToken cancellationToken)
    {
        var (annotations, entities, _) = AnalyzeCore(article, pipeline, maxCharacters, cancellationToken);
        return (annotations, entities);
    }

    private static (ArticleAnnotations Annotations, IReadOnlyList<EntityObservation> Entities, (int Analysed, int Whole)? Limited) AnalyzeCore(Article article,
        Pipeline pipeline, int maxCharacters, CancellationToken cancellationToken)
    {
        var doc = Document.FromArticle(article, maxCharacters);
        if (article.Published is { } published)
        {
            doc.Set(Layers.DocumentDate, published.Date);
        }

        pipeline.Run(doc, cancellationToken);
        var observations = doc.Has(Layers.Actors)
            ? doc.Get(Layers.Actors)
                .Select(a => new EntityObservation(article.Id, article.Published?.Date, a.Type, a.Name, a.Code, a.Country, a.Role, a.Aliases)
                {
                    ActorId = a.Id,
                })
                .ToList()
            : [];
        // An event whose spans are not inside the text (a coder bug) is left out rather than failing the article.
        bool Inside(TextSpan span) => span.Start >= 0 && span.Start <= span.End && span.End <= doc.Text.Length;
        var events = doc.Has(Layers.Events)
            ? new ArticleEvents(article.Id, article.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [.. doc.Get(Layers.Events)
                    .Where(e => Inside(e.Source.Span) && Inside(e.Evidence) && (e.Target is not { } t || Inside(t.Span)))
                    .Select(e => new ReportedEvent(e, doc.Text[e.Source.Span.Start..e.Source.Span.End],
                        e.Target is { } t ? doc.Text[t.Span.Start..t.Span.End] : null, doc.Text[e.Evidence.Start..e.Evidence.End]))])
            : null;
        var annotations = new ArticleAnnotations(article.Id, pipeline.Name, DocumentJson.Serialize(doc))
        {
            Events = events,
            Fingerprint = pipeline.Fingerprint,
        };
        return (annotations, observations, doc.Has(Layers.FullTextLength) ? (doc.Text.Length, doc.Get(Layers.FullTextLength)) : null);
    }

    /// <summary>
    /// <see cref="Analyze"/> for callers that go on with a batch: a bug in the analysis of one article does not throw
    /// but comes back as <see cref="AnalysisOutcome.Failure"/>, a reason to report with the article's record, and the
    /// article is stored without annotations (<c>reanalyze</c> retries it).
    /// </summary>
    public static AnalysisOutcome TryAnalyze(Article article, Pipeline pipeline, int maxCharacters, CancellationToken cancellationToken)
    {
        try
        {
            var (annotations, entities, limited) = AnalyzeCore(article, pipeline, maxCharacters, cancellationToken);
            var stored = limited is var (analysed, whole)
                ? article with { Warnings = article.Warnings.Add(LimitWarning(analysed, whole)) }
                : article;
            return new AnalysisOutcome(annotations, entities, null) { Article = stored };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new AnalysisOutcome(null, [],
                $"analysis failed ({ex.GetType().Name}: {ex.Message}); the article was stored without annotations, `dateline reanalyze` retries it");
        }
    }

    /// <summary>
    /// What stored annotations say about actors (their <c>actors</c> array), as ingest observed it; a malformed
    /// document yields nothing rather than stopping the caller.
    /// </summary>
    public static IReadOnlyList<EntityObservation> Observations(AnnotatedArticle stored)
    {
        try
        {
            using var json = JsonDocument.Parse(stored.Json);
            if (!json.RootElement.TryGetProperty("actors", out var actors) || actors.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var list = new List<EntityObservation>();
            foreach (var a in actors.EnumerateArray())
            {
                if (Str(a, "id") is not { } id || Str(a, "name") is not { } name || Str(a, "type") is not { } type)
                {
                    continue;
                }

                var aliases = a.TryGetProperty("aliases", out var al) && al.ValueKind == JsonValueKind.Array
                    ? al.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                    : [];
                list.Add(new EntityObservation(stored.ArticleId, stored.Published, type, name, Str(a, "code"), Str(a, "country"), Str(a, "role"), aliases)
                {
                    ActorId = id,
                });
            }

            return list;
        }
        catch (JsonException)
        {
            return [];
        }

        static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}

/// <summary>What <see cref="ArticleAnalysis.TryAnalyze"/> made of one article: its annotations and actor observations, or why it failed.</summary>
public sealed record AnalysisOutcome(ArticleAnnotations? Annotations, IReadOnlyList<EntityObservation> Entities, string? Failure)
{
    /// <summary>The article to store: the one analysed, with a warning added when only part of it was (null when analysis failed).</summary>
    public Article? Article { get; init; }
}
