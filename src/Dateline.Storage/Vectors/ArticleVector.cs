namespace Dateline.Storage.Vectors;

/// <summary>An article's embedding (a unit-length vector) under one model.</summary>
public sealed record ArticleVector(string ArticleId, float[] Vector);

/// <summary>A stored vector with the model it was made by.</summary>
public sealed record StoredVector(string Model, string ArticleId, float[] Vector);
