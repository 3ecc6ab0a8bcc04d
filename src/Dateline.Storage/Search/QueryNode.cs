namespace Dateline.Storage.Search;

/// <summary>The syntax tree of a search query, independent of any back end.</summary>
public abstract record QueryNode;

/// <summary>A word, optionally a prefix (<c>diplom*</c>), optionally limited to a field.</summary>
public sealed record TermNode(string Text, bool Prefix = false, string? Field = null) : QueryNode;

/// <summary>Words that must appear together in order: <c>"shuttle diplomacy"</c>.</summary>
public sealed record PhraseNode(string Text, string? Field = null) : QueryNode;

public sealed record AndNode(IReadOnlyList<QueryNode> Items) : QueryNode;

public sealed record OrNode(IReadOnlyList<QueryNode> Items) : QueryNode;

public sealed record NotNode(QueryNode Item) : QueryNode;
