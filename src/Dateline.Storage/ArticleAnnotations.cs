namespace Dateline.Storage;

/// <summary>An article's understanding layers as JSON (the `annotate` shape) and the pipeline version that made them.</summary>
public sealed record ArticleAnnotations(string ArticleId, string Pipeline, string Json)
{
    /// <summary>The events the layers hold, for <see cref="IArticleStore.RecordEventsAsync"/>; null when the pipeline codes none.</summary>
    public Events.ArticleEvents? Events { get; init; }

    /// <summary>The analysis that made them (<c>Pipeline.Fingerprint</c>); null when unknown (stored before it was kept).</summary>
    public string? Fingerprint { get; init; }
}

/// <summary>Stored annotations with their article's publication date: what rebuilding cross-article entities reads.</summary>
public sealed record AnnotatedArticle(string ArticleId, DateOnly? Published, string Json);
