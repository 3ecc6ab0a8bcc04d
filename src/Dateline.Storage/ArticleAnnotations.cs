namespace Dateline.Storage;

/// <summary>An article's understanding layers as JSON (the `annotate` shape) and the pipeline version that made them.</summary>
public sealed record ArticleAnnotations(string ArticleId, string Pipeline, string Json)
{
    /// <summary>The events the layers hold, for <see cref="IArticleStore.RecordEventsAsync"/>; null when the pipeline codes none.</summary>
    public Events.ArticleEvents? Events { get; init; }
}
