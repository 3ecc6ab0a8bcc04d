namespace Dateline.Storage;

/// <summary>An article's understanding layers as JSON (the `annotate` shape) and the pipeline version that made them.</summary>
public sealed record ArticleAnnotations(string ArticleId, string Pipeline, string Json);
