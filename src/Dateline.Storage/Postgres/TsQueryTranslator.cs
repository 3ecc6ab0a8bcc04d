using System.Globalization;
using Dateline.Storage.Search;

namespace Dateline.Storage.Postgres;

/// <summary>
/// Translates a <see cref="SearchQuery"/> into a SQL expression of type tsquery, built from parameters with PostgreSQL's
/// own functions (phraseto_tsquery, to_tsquery on a quoted lexeme) and combined with &amp;&amp;, || and !!, so user input
/// is never tsquery syntax of its own. Words and phrases go through the `dateline` configuration (stems, no stop words,
/// no accents); a field (title:, body:) limits every lexeme to the title's weight A or the body's B. The same tree the
/// FTS5 translator refuses (a query with nothing but negations) is refused here with the same message.
/// </summary>
internal static class TsQueryTranslator
{
    public static string Translate(QueryNode node, List<(string, object?)> parameters) => node switch
    {
        TermNode t when t.Prefix && !CjkSegmenter.ContainsCjk(t.Text) =>
            $"to_tsquery('dateline', {Add(parameters, "'" + Escape(t.Text) + "':*" + Weight(t.Field))})",
        TermNode t => Field(t.Field, $"phraseto_tsquery('dateline', {Add(parameters, CjkSegmenter.Segment(t.Text).Trim())})"),
        PhraseNode p => Field(p.Field, $"phraseto_tsquery('dateline', {Add(parameters, CjkSegmenter.Segment(p.Text).Trim())})"),
        OrNode o => "(" + string.Join(" || ", o.Items.Select(i => Positive(i, parameters))) + ")",
        AndNode a => TranslateAnd(a.Items, parameters),
        NotNode => throw new QuerySyntaxException("a query needs at least one word that is not negated", 0),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static string Positive(QueryNode node, List<(string, object?)> parameters) => node is NotNode
        ? throw new QuerySyntaxException("NOT can only narrow other words (\"a NOT b\"), not stand alone in an OR", 0)
        : Translate(node, parameters);

    private static string TranslateAnd(IReadOnlyList<QueryNode> items, List<(string, object?)> parameters)
    {
        var positives = items.Where(i => i is not NotNode).Select(i => Translate(i, parameters)).ToList();
        if (positives.Count == 0)
        {
            throw new QuerySyntaxException("a query needs at least one word that is not negated", 0);
        }

        var parts = positives.Concat(items.OfType<NotNode>().Select(n => "!!" + Translate(n.Item, parameters)));
        return "(" + string.Join(" && ", parts) + ")";
    }

    private static string Field(string? field, string query) => field is null ? query : $"dateline_weight({query}, '{Weight(field)}')";

    private static string Weight(string? field) => field switch
    {
        null => string.Empty,
        "title" => "A",
        "body" => "B",
        _ => throw new QuerySyntaxException($"'{field}' is not a field (title, body)", 0),
    };

    /// <summary>A prefix becomes one quoted tsquery lexeme: quotes and backslashes escaped, so it cannot be an operator.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal);

    private static string Add(List<(string, object?)> parameters, string value)
    {
        var name = "@q" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add((name, value));
        return name + "::text";
    }
}
