using Dateline.Storage.Search;

namespace Dateline.Storage.Sqlite;

/// <summary>
/// Translates a <see cref="SearchQuery"/> into an FTS5 MATCH expression. Every word is quoted, so user input can
/// never use FTS5 syntax of its own. FTS5's NOT is binary ("a NOT b"), so negations attach to their AND group.
/// </summary>
internal static class Fts5QueryTranslator
{
    public static string Translate(QueryNode node) => node switch
    {
        TermNode t => Field(t.Field) + Quote(t.Text) + (t.Prefix && !CjkSegmenter.ContainsCjk(t.Text) ? "*" : string.Empty),
        PhraseNode p => Field(p.Field) + Quote(p.Text),
        OrNode o => "(" + string.Join(" OR ", o.Items.Select(Positive)) + ")",
        AndNode a => TranslateAnd(a.Items),
        NotNode => throw new QuerySyntaxException("a query needs at least one word that is not negated", 0),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static string Positive(QueryNode node) => node is NotNode
        ? throw new QuerySyntaxException("NOT can only narrow other words (\"a NOT b\"), not stand alone in an OR", 0)
        : Translate(node);

    private static string TranslateAnd(IReadOnlyList<QueryNode> items)
    {
        var positives = items.Where(i => i is not NotNode).Select(Translate).ToList();
        if (positives.Count == 0)
        {
            throw new QuerySyntaxException("a query needs at least one word that is not negated", 0);
        }

        var expr = "(" + string.Join(" AND ", positives) + ")";
        foreach (var n in items.OfType<NotNode>())
        {
            expr = "(" + expr + " NOT " + Translate(n.Item) + ")";
        }

        return expr;
    }

    private static string Field(string? field) => field is null ? string.Empty : field + " : ";

    private static string Quote(string text) => "\"" + CjkSegmenter.Segment(text).Replace("\"", "\"\"", StringComparison.Ordinal).Trim().Trim('\u200B') + "\"";
}
