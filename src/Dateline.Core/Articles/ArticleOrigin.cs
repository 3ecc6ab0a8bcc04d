namespace Dateline.Core.Articles;

/// <summary>Where an article was read from: the file and, for multi-record inputs, the byte offset of its record.</summary>
public sealed record ArticleOrigin(string Path, long? Offset = null);
