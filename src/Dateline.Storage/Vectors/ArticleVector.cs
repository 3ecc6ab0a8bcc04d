namespace Dateline.Storage.Vectors;

/// <summary>An article's embedding (a unit-length vector) under one model.</summary>
public sealed record ArticleVector(string ArticleId, float[] Vector);
