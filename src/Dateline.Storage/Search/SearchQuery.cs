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

    /// <summary>At most this many distinct words and phrases are searched: beyond it a query costs more than it can mean.</summary>
    public const int MaxTerms = 32;

    /// <summary>Queries longer than this many characters are refused before they are parsed.</summary>
    public const int MaxLength = 8_000;

    /// <summary>
    /// Parses <paramref name="text"/>, folds repeated items ("the the the" is "the"; nested ANDs and ORs are flattened)
    /// and refuses a query with more than <see cref="MaxTerms"/> distinct words and phrases, so the cost of any query is
    /// bounded whatever its length.
    /// </summary>
    public static SearchQuery Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new QuerySyntaxException($"the query is {text.Length:N0} characters long; at most {MaxLength:N0} are accepted", MaxLength);
        }

        var root = Fold(new QueryParser(text).ParseAll());
        var terms = new HashSet<string>(StringComparer.Ordinal);
        Collect(root, terms);
        if (terms.Count > MaxTerms)
        {
            throw new QuerySyntaxException($"the query has {terms.Count} different words and phrases; at most {MaxTerms} are searched — narrow it down", 0);
        }

        return new SearchQuery(text, root);
    }

    private static QueryNode Fold(QueryNode node)
    {
        switch (node)
        {
            case NotNode n:
                return new NotNode(Fold(n.Item));
            case AndNode a:
                return Fold(a.Items, items => new AndNode(items), typeof(AndNode));
            case OrNode o:
                return Fold(o.Items, items => new OrNode(items), typeof(OrNode));
            default:
                return node;
        }
    }

    private static QueryNode Fold(IReadOnlyList<QueryNode> items, Func<IReadOnlyList<QueryNode>, QueryNode> create, Type kind)
    {
        var kept = new List<QueryNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Select(Fold))
        {
            // "(a AND b) AND c" is "a AND b AND c"; the same item twice means it once.
            foreach (var part in item.GetType() == kind ? (item is AndNode a ? a.Items : ((OrNode)item).Items) : [item])
            {
                if (seen.Add(Key(part)))
                {
                    kept.Add(part);
                }
            }
        }

        return kept.Count == 1 ? kept[0] : create(kept);
    }

    /// <summary>A key equal for equal meaning: AND and OR groups are unordered ("(a OR b)" is "(b OR a)").</summary>
    private static string Key(QueryNode node) => node switch
    {
        AndNode a => "&(" + string.Join(',', a.Items.Select(Key).Order(StringComparer.Ordinal)) + ")",
        OrNode o => "|(" + string.Join(',', o.Items.Select(Key).Order(StringComparer.Ordinal)) + ")",
        NotNode n => "!" + Key(n.Item),
        _ => Render(node, top: true),
    };

    private static void Collect(QueryNode node, HashSet<string> terms)
    {
        switch (node)
        {
            case TermNode or PhraseNode:
                terms.Add(Render(node, top: true));
                break;
            case NotNode n:
                Collect(n.Item, terms);
                break;
            case AndNode a:
                a.Items.ToList().ForEach(i => Collect(i, terms));
                break;
            case OrNode o:
                o.Items.ToList().ForEach(i => Collect(i, terms));
                break;
        }
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
