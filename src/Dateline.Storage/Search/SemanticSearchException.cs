namespace Dateline.Storage.Search;

/// <summary>A semantic or hybrid search the store cannot answer: no article has a vector under the model yet.</summary>
public sealed class SemanticSearchException(string message) : Exception(message);
