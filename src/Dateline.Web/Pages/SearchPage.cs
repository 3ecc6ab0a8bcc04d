using System.Globalization;
using Dateline.Storage;
using Dateline.Storage.Search;
using Dateline.Web.Api;

namespace Dateline.Web.Pages;

/// <summary>
/// The home page: a query box with filters (dates, source, actor, language, tag) and the order (relevance or date). With a
/// query it shows the hits with highlighted snippets beside the facets (the matches' sources and tags, each a link that
/// adds the filter); without one, the newest articles. Both page with a "next" cursor.
/// </summary>
internal static class SearchPage
{
    public static async Task<IResult> RenderAsync(HttpRequest request, IArticleStore store, WebOptions options, CancellationToken ct)
    {
        string? Get(string name) => Query.Text(request.Query[name].ToString());
        var (q, from, to, source, language, actorText, cursor) = (Get("q"), Get("from"), Get("to"), Get("source"), Get("language"), Get("actor"), Get("cursor"));
        var tag = Get("tag");
        var stories = Get("stories") == "1";
        var exhaustive = Get("exhaustive") == "1";
        var sortText = Get("sort");
        var modeText = Get("mode");
        var mode = SearchMode.Keyword;
        string? problem = null;
        SearchResponse? found = null;
        Page<ArticleSummary>? latest = null;
        EntityRecord? actor = null;
        try
        {
            actor = await ActorAsync(store, actorText, ct);

            var filter = Query.Filter(from, to, source, language, actor?.Id, tag);
            var sort = Query.Sort(sortText);
            mode = SearchApi.Mode(modeText);
            if (q is not null)
            {
                // Stories and the date order are keyword search's; a meaning-based search ranks every article by closeness.
                found = await SearchApi.RunAsync(store, q, filter, cursor, Query.DefaultLimit, ct, stories && mode == SearchMode.Keyword,
                    exhaustive ? null : options.RankWindow, mode == SearchMode.Keyword ? sort : SearchSort.Relevance, Query.DefaultFacets, mode, options.Embedder);
            }
            else
            {
                latest = await store.ListArticlesAsync(filter, cursor, Query.DefaultLimit, ct);
            }
        }
        catch (Exception ex) when (ex is QuerySyntaxException or SearchBudgetException or BadRequestException or InvalidCursorException or SemanticSearchException)
        {
            problem = ex.Message;
        }

        return Layout.Page(q is null ? "Search" : q, "/", h =>
        {
            h.Element("h1", "Search the news", ("class", "visually-hidden"));
            var byDate = string.Equals(sortText, "date", StringComparison.OrdinalIgnoreCase);
            Form(h, q, from, to, source, language, actorText, tag, stories, byDate, options.Embedder is null ? null : mode);
            if (problem is not null)
            {
                h.Element("p", problem, ("class", "error"), ("role", "alert"), ("id", "problem"));
                return;
            }

            (string, string?)[] keep = [("q", q), ("from", from), ("to", to), ("source", source), ("language", language), ("actor", actorText),
                ("tag", tag), ("stories", stories ? "1" : null), ("exhaustive", exhaustive ? "1" : null), ("sort", byDate ? "date" : null),
                ("mode", mode == SearchMode.Keyword ? null : SearchApi.ModeName(mode))];
            if (found is not null && mode != SearchMode.Keyword)
            {
                h.Open("p", ("class", "summary"), ("id", "summary"))
                    .Text(mode == SearchMode.Semantic
                        ? string.Create(CultureInfo.InvariantCulture, $"{found.Total:N0} articles compared by meaning with ")
                        : string.Create(CultureInfo.InvariantCulture, $"{found.Total:N0} articles ranked by words or meaning for "))
                    .Element("code", found.Parsed, ("id", "parsed"))
                    .Text(mode == SearchMode.Semantic ? " — closest first, whether or not they use its words" : " — both rankings fused")
                    .Close("p");
                Hits(h, found.Hits);
                NextLink(h, "/", found.Next, keep);
            }
            else if (found is not null)
            {
                var unit = stories ? (found.Total == 1 ? "story" : "stories") : found.Total == 1 ? "result" : "results";
                h.Open("p", ("class", "summary"), ("id", "summary")).Text(string.Create(CultureInfo.InvariantCulture, $"{found.Total:N0} {unit} for "))
                    .Element("code", found.Parsed, ("id", "parsed")).Text(actor is null ? string.Empty : " mentioning " + actor.Name).Text(" · ")
                    .Link(Routes.WithQuery("/attention", [.. keep.Where(k => k.Item1 is not ("stories" or "exhaustive" or "sort"))]), "Attention over time", ("id", "attention-link"))
                    .Text(byDate ? " · newest first (undated last)" : string.Empty)
                    .Close("p");
                if (found.Ranked < found.Matches)
                {
                    // Ranking every match of a very common query would take seconds: say which ones were ranked, and offer all.
                    h.Open("p", ("class", "note"), ("id", "ranked"))
                        .Text(string.Create(CultureInfo.InvariantCulture,
                            $"{found.Matches:N0} articles match; the {found.Ranked:N0} most recently stored were ranked. Add words or a date range to reach older ones, or "))
                        .Link(Routes.WithQuery("/", [.. keep.Where(k => k.Item1 != "exhaustive"), ("exhaustive", "1")]), "rank every match")
                        .Text(" (slower).").Close("p");
                }

                h.Open("div", ("class", "search-layout")).Open("div", ("class", "search-hits"));
                Hits(h, found.Hits);
                NextLink(h, "/", found.Next, keep);
                h.Close("div");
                if (found.Facets is { } facets && found.Matches > 0)
                {
                    SearchFacetList.Write(h, facets, found.Matches, keep);
                }

                h.Close("div");
            }
            else if (latest is not null)
            {
                var heading = actor is null ? "Latest articles" : "Articles mentioning " + actor.Name;
                h.Element("h2", tag is null ? heading : $"{heading} tagged \u201C{tag}\u201D", ("class", "summary"));
                h.Open("ol", ("class", "results latest"));
                foreach (var a in latest.Items)
                {
                    h.Open("li", ("class", "result"));
                    h.Open("h2").Link(Routes.Article(a.Id), a.Title ?? "(untitled)").Close("h2");
                    Meta(h, a.Source, a.Published);
                    h.Close("li");
                }

                h.Close("ol");
                if (latest.Items.Count == 0)
                {
                    h.Element("p", "No articles match these filters.", ("class", "empty"));
                }

                NextLink(h, "/", latest.Next, keep);
            }
        });
    }

    /// <summary>The hits of any search mode: title, source and date, snippet with its highlights, and the story's other articles.</summary>
    private static void Hits(Html h, IReadOnlyList<SearchHit> hits)
    {
        h.Open("ol", ("class", "results"));
        foreach (var hit in hits)
        {
            h.Open("li", ("class", "result"));
            h.Open("h2").Link(Routes.Article(hit.Id), hit.Title ?? "(untitled)").Close("h2");
            Meta(h, hit.Source, hit.Published);
            h.Open("p", ("class", "snippet"));
            Snippet(h, hit.Snippet, hit.Highlights);
            h.Close("p");
            if (hit.StoryMatches > 1)
            {
                var more = hit.StoryMatches - 1;
                h.Open("p", ("class", "story-more")).Link(Routes.Article(hit.Id) + "#versions-h",
                    $"+{more} more {(more == 1 ? "article" : "articles")} on this story").Close("p");
            }

            h.Close("li");
        }

        h.Close("ol");
    }

    /// <summary>The actor filter as typed: an entity id, else the best match by name or alias; null when none was typed.</summary>
    public static async Task<EntityRecord?> ActorAsync(IArticleStore store, string? actorText, CancellationToken ct) =>
        actorText is null ? null
        : await store.GetEntityAsync(actorText, ct)
          ?? ((await store.ListEntitiesAsync(actorText, null, 1, ct)).Items is [var best, ..] ? best : null)
          ?? throw new BadRequestException($"no actor matches '{actorText}'", "actor");

    /// <param name="mode">The search mode chosen; null when the server has no embedding model (keyword search only, no choice shown).</param>
    private static void Form(Html h, string? q, string? from, string? to, string? source, string? language, string? actor, string? tag, bool stories,
        bool byDate, SearchMode? mode)
    {
        h.Open("form", ("class", "search"), ("role", "search"), ("method", "get"), ("action", "/"));
        h.Open("div", ("class", "query"));
        h.Element("label", "Query", ("for", "q"));
        h.Open("input", ("id", "q"), ("name", "q"), ("type", "search"), ("value", q), ("placeholder", "\"summit talks\" Ishiba -baseball"), ("autofocus", string.Empty));
        h.Markup("<button type=\"submit\" id=\"go\">Search</button>").Close("div");
        h.Open("fieldset", ("class", "filters")).Element("legend", "Filters");
        Field(h, "from", "From", "date", from);
        Field(h, "to", "To", "date", to);
        Field(h, "source", "Source", "text", source);
        Field(h, "actor", "Actor", "text", actor);
        Field(h, "language", "Language", "text", language);
        Field(h, "tag", "Tag", "text", tag);
        h.Open("div", ("class", "field")).Element("label", "Order", ("for", "sort")).Open("select", ("id", "sort"), ("name", "sort"))
            .Open("option", ("value", "relevance"), ("selected", byDate ? null : string.Empty)).Text("Best match first").Close("option")
            .Open("option", ("value", "date"), ("selected", byDate ? string.Empty : null)).Text("Newest first").Close("option")
            .Close("select").Close("div");
        if (mode is { } m)
        {
            h.Open("div", ("class", "field")).Element("label", "Match", ("for", "mode")).Open("select", ("id", "mode"), ("name", "mode"));
            foreach (var (value, label) in new[] { (SearchMode.Keyword, "Words"), (SearchMode.Semantic, "Meaning"), (SearchMode.Hybrid, "Words and meaning") })
            {
                h.Open("option", ("value", SearchApi.ModeName(value)), ("selected", value == m ? string.Empty : null)).Text(label).Close("option");
            }

            h.Close("select").Close("div");
        }

        h.Open("div", ("class", "field check"))
            .Open("input", ("id", "stories"), ("name", "stories"), ("type", "checkbox"), ("value", "1"), ("checked", stories ? "checked" : null))
            .Element("label", "One result per story", ("for", "stories")).Close("div");
        h.Close("fieldset").Close("form");
    }

    /// <summary>A labelled input of a filter form (also used by the stories page).</summary>
    public static void Field(Html h, string id, string label, string type, string? value) =>
        h.Open("div", ("class", "field")).Element("label", label, ("for", id)).Open("input", ("id", id), ("name", id), ("type", type), ("value", value)).Close("div");

    public static void Meta(Html h, string? source, string? published) =>
        h.Open("p", ("class", "meta")).Element("span", source ?? "unknown source", ("class", "source")).Text(" · ")
            .Element("time", Day(published) ?? "undated", ("class", "published"), ("datetime", published), ("title", published)).Close("p");

    /// <summary>
    /// Lists show every date the same way, as the day ("2025-07-24"), whether the article gave a day or a moment
    /// ("2025-07-24T11:42:00+02:00"); the full value stays in the element's datetime and title.
    /// </summary>
    public static string? Day(string? published) => Core.Articles.ArticleDate.DayOf(published);

    /// <summary>The plain-text snippet with its highlight ranges as &lt;mark&gt;; both parts escaped.</summary>
    public static void Snippet(Html h, string snippet, IReadOnlyList<HighlightRange> highlights)
    {
        var pos = 0;
        foreach (var r in highlights.Where(r => r.Start >= 0 && r.End <= snippet.Length && r.End > r.Start).OrderBy(r => r.Start))
        {
            if (r.Start < pos)
            {
                continue;
            }

            h.Text(snippet, pos, r.Start).Open("mark").Text(snippet, r.Start, r.End).Close("mark");
            pos = r.End;
        }

        h.Text(snippet, pos, snippet.Length);
    }

    public static void NextLink(Html h, string path, string? next, (string, string?)[] keep)
    {
        if (next is not null)
        {
            h.Open("nav", ("class", "pager"), ("aria-label", "Pages")).Link(Routes.WithQuery(path, [.. keep, ("cursor", next)]), "Next page →", ("rel", "next"), ("id", "next")).Close("nav");
        }
    }
}
