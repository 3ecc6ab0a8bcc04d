namespace Dateline.Storage.Search;

/// <summary>
/// The search language, the same in the CLI, the API and the web UI:
/// words (<c>summit</c>), phrases (<c>"summit talks"</c>), prefixes (<c>diplom*</c>), fields (<c>title:Ishiba</c>),
/// <c>NOT x</c> or <c>-x</c>, <c>a AND b</c> (also just <c>a b</c>), <c>a OR b</c>, and parentheses.
/// Precedence, tightest first: NOT, AND, OR — so <c>a b OR c</c> means <c>(a AND b) OR c</c>.
/// Operators are upper case; lower-case "and"/"or"/"not" are ordinary words.
/// </summary>
public sealed class SearchQuery
{
    private SearchQuery(string text, QueryNode root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>The fields a term can be limited to.</summary>
    public static readonly IReadOnlyList<string> Fields = ["title", "body"];

    public string Text { get; }

    public QueryNode Root { get; }

    public static SearchQuery Parse(string text)
    {
        var root = new QueryParser(text).ParseAll();
        return new SearchQuery(text, root);
    }

    /// <summary>The query as understood, fully parenthesised: what the engine will search for.</summary>
    public override string ToString() => Render(Root, top: true);

    private static string Render(QueryNode node, bool top) => node switch
    {
        TermNode t => (t.Field is null ? string.Empty : t.Field + ":") + t.Text + (t.Prefix ? "*" : string.Empty),
        PhraseNode p => (p.Field is null ? string.Empty : p.Field + ":") + "\"" + p.Text + "\"",
        NotNode n => "NOT " + Render(n.Item, top: false),
        AndNode a => Group(string.Join(" AND ", a.Items.Select(i => Render(i, top: false))), top),
        OrNode o => Group(string.Join(" OR ", o.Items.Select(i => Render(i, top: false))), top),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static string Group(string s, bool top) => top ? s : "(" + s + ")";
}
