using System.Globalization;
using Dateline.Core.Articles;
using Dateline.Storage;

namespace Dateline.Web.Pages;

/// <summary>
/// One article: the clean text with its entities, quotes, events and times marked, the quotes listed with their speakers,
/// the events with their evidence, a
/// metadata panel (source, wire, dateline, dates with where they came from, authors, images with captions and credits),
/// the articles closest to it in meaning (when it was embedded), and, when the article was parsed, its sentence structure
/// (collapsed).
/// </summary>
internal static class ArticlePage
{
    /// <summary>How many similar articles the page lists.</summary>
    public const int SimilarShown = 5;

    public static async Task<IResult> RenderAsync(string id, IArticleStore store, WebOptions options, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } article)
        {
            return Layout.NotFound($"No article has the id '{id}'.");
        }

        var annotations = await store.GetAnnotationsAsync(id, ct);
        var layers = ArticleLayers.Parse(annotations?.Json) with { Text = article.Body };
        var actorEntities = await store.GetArticleEntitiesAsync(id, ct);
        var versions = (await store.GetStoryAsync(id, ct)).Where(v => v.Id != id).ToList();
        var similar = await SimilarAsync(store, options, id, versions, ct);
        return Layout.Page(article.Title ?? "Article", string.Empty, h =>
        {
            h.Open("article", ("class", "article"), ("data-id", article.Id));
            h.Element("h1", article.Title ?? "(untitled)", ("id", "title"));
            h.Open("div", ("class", "article-layout"));
            h.Open("div", ("class", "article-main"));
            LayerToggles(h, layers);
            h.Open("div", ("class", "article-body"), ("id", "body"));
            ArticleText.Write(h, article, layers, actorEntities);
            h.Close("div").Close("div");
            MetadataPanel(h, article, annotations?.Pipeline);
            h.Close("div");
            QuoteList(h, layers, actorEntities);
            ArticleEventList.Write(h, layers, actorEntities);
            StoryVersions(h, versions);
            Similar(h, similar);
            ArticleSyntaxSection.Write(h, layers);
            h.Close("article");
        });
    }

    /// <summary>
    /// A legend that is also the switchboard: one checkbox per layer marked in the text (people, organisations and places,
    /// dates, quotes, events) and one that writes each event's codes after its words. The stylesheet reads the boxes
    /// (<c>:has</c>), so the toggles need no script; an event's codes are also its tooltip and are shown while it has focus.
    /// </summary>
    private static void LayerToggles(Html h, ArticleLayers layers)
    {
        h.Open("fieldset", ("class", "layer-toggles"), ("id", "layer-toggles")).Element("legend", "Marked in the text");
        foreach (var (id, label, swatch, count) in new[]
                 {
                     ("toggle-people", "people", "swatch-person", layers.Entities.Count(e => e.Type == "PERSON")),
                     ("toggle-entities", "organisations and places", "swatch-entity", layers.Entities.Count(e => e.Type != "PERSON")),
                     ("toggle-times", "dates and times", "swatch-time", layers.Times.Count),
                     ("toggle-quotes", "quotes", "swatch-quote", layers.Quotes.Count),
                     ("toggle-events", "events", "swatch-event", layers.Events.Count),
                 })
        {
            h.Open("label", ("class", "toggle"), ("for", id)).Open("input", ("type", "checkbox"), ("id", id), ("checked", string.Empty)).Close("input")
                .Open("span", ("class", "swatch " + swatch), ("aria-hidden", "true")).Close("span")
                .Text($"{label} ({count.ToString(System.Globalization.CultureInfo.InvariantCulture)})").Close("label");
        }

        h.Open("label", ("class", "toggle"), ("for", "toggle-codes")).Open("input", ("type", "checkbox"), ("id", "toggle-codes")).Close("input")
            .Text("event codes in the text (source → target · CAMEO code)").Close("label");
        h.Close("fieldset");
    }

    private static void QuoteList(Html h, ArticleLayers layers, IReadOnlyDictionary<string, string> actorEntities)
    {
        h.Open("section", ("class", "quotes"), ("aria-labelledby", "quotes-h")).Element("h2", $"Quotes ({layers.Quotes.Count})", ("id", "quotes-h"));
        if (layers.Quotes.Count == 0)
        {
            h.Element("p", "No quotes found in this article.", ("class", "empty"));
        }

        h.Open("ol", ("class", "quote-list"));
        foreach (var (q, i) in layers.Quotes.Select((q, i) => (q, i)))
        {
            var actor = q.ActorId is not null && layers.Actors.TryGetValue(q.ActorId, out var a) ? a : null;
            var entity = q.ActorId is not null && actorEntities.TryGetValue(q.ActorId, out var e) ? e : null;
            h.Open("li", ("class", "quote-item"), ("data-quote", i.ToString(CultureInfo.InvariantCulture)));
            h.Element("blockquote", QuoteText(layers, q), ("class", "quote-text"));
            h.Open("p", ("class", "attribution")).Text("— ");
            var name = actor?.Name ?? q.SpeakerText ?? "unknown speaker";
            if (entity is not null)
            {
                h.Link(Routes.Actor(entity), name, ("class", "speaker"));
            }
            else
            {
                h.Element("span", name, ("class", "speaker"));
            }

            if (actor?.Role is { } role)
            {
                h.Text(", " + role);
            }

            h.Element("span", q.Direct ? " (direct)" : " (reported)", ("class", "quote-kind")).Close("p").Close("li");
        }

        h.Close("ol").Close("section");
    }

    /// <summary>The other articles of the story: wire copies, reprints, updates and other outlets' reports of the event.</summary>
    private static void StoryVersions(Html h, List<ArticleSummary> versions)
    {
        if (versions.Count == 0)
        {
            return;
        }

        h.Open("section", ("class", "story-versions"), ("aria-labelledby", "versions-h"))
            .Element("h2", $"Other articles on this story ({versions.Count})", ("id", "versions-h")).Open("ul");
        foreach (var v in versions)
        {
            h.Open("li").Link(Routes.Article(v.Id), v.Title ?? v.Id)
                .Text(" — " + string.Join(", ", new[] { v.Source, SearchPage.Day(v.Published) }.Where(x => !string.IsNullOrEmpty(x)))).Close("li");
        }

        h.Close("ul").Close("section");
    }

    /// <summary>
    /// The articles closest in meaning, other than the story's own versions (listed above them): only from a vector
    /// stored for this article, so the page never waits for the model; null when it has none.
    /// </summary>
    private static async Task<IReadOnlyList<Storage.Search.SearchHit>?> SimilarAsync(IArticleStore store, WebOptions options, string id,
        List<ArticleSummary> versions, CancellationToken ct)
    {
        if (options.Embedder is not { } embedder || await store.GetVectorAsync(id, embedder.Model, ct) is null)
        {
            return null;
        }

        var hits = await Storage.Search.SemanticSearch.SimilarAsync(store, embedder, id, ArticleFilter.All, SimilarShown + versions.Count, ct) ?? [];
        var story = versions.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        return hits.Where(hit => !story.Contains(hit.Id)).Take(SimilarShown).ToList();
    }

    private static void Similar(Html h, IReadOnlyList<Storage.Search.SearchHit>? similar)
    {
        if (similar is null || similar.Count == 0)
        {
            return;
        }

        h.Open("section", ("class", "similar"), ("aria-labelledby", "similar-h"))
            .Element("h2", "Similar articles", ("id", "similar-h"))
            .Element("p", "Closest in meaning by title and lead, other than this story's versions.", ("class", "note")).Open("ul", ("id", "similar"));
        foreach (var s in similar)
        {
            h.Open("li").Link(Routes.Article(s.Id), s.Title ?? s.Id)
                .Text(" — " + string.Join(", ", new[] { s.Source, SearchPage.Day(s.Published) }.Where(x => !string.IsNullOrEmpty(x))))
                .Element("span", s.Score.ToString(" · 0.00", CultureInfo.InvariantCulture), ("class", "score"), ("title", "cosine similarity")).Close("li");
        }

        h.Close("ul").Close("section");
    }

    private static string QuoteText(ArticleLayers layers, ArticleLayers.QuoteView q) => layers.Text is { } t && q.End <= t.Length && q.Start < q.End ? t[q.Start..q.End] : string.Empty;

    private static void MetadataPanel(Html h, Article a, string? pipeline)
    {
        h.Open("aside", ("class", "meta-panel"), ("aria-labelledby", "meta-h")).Element("h2", "About this article", ("id", "meta-h")).Open("dl");
        void Row(string label, string? value, string? cls = null)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                h.Element("dt", label).Element("dd", value, ("class", cls));
            }
        }

        Row("Source", a.Source, "source");
        Row("Wire", a.Wire, "wire");
        Row("Dateline", a.Dateline, "dateline");
        if (a.Published is { } published)
        {
            h.Element("dt", "Published").Open("dd", ("class", "published")).Element("time", published.ToString())
                .Text(a.PublishedSource is null ? string.Empty : " (from " + a.PublishedSource + (a.DateReliable == false ? ", inferred" : string.Empty) + ")").Close("dd");
        }

        Row("Modified", a.Modified?.ToString());
        Row("Crawled", a.Crawled?.ToString());
        Row("Section", a.Section);
        Row("Authors", a.Authors.IsDefaultOrEmpty ? null : string.Join(", ", a.Authors), "authors");
        if (!a.Tags.IsDefaultOrEmpty)
        {
            // Each tag links to the articles that carry it.
            h.Element("dt", "Tags").Open("dd", ("class", "tags"));
            foreach (var (tag, i) in a.Tags.Select((t, i) => (t, i)))
            {
                h.Text(i == 0 ? string.Empty : ", ").Link("/?tag=" + Uri.EscapeDataString(tag), tag);
            }

            h.Close("dd");
        }

        Row("Language", a.Language);
        if (Html.SafeExternalHref(a.Url) is { } href)
        {
            h.Element("dt", "URL").Open("dd", ("class", "url")).Element("a", a.Url, ("href", href), ("rel", "noopener noreferrer nofollow")).Close("dd");
        }
        else
        {
            Row("URL", a.Url, "url");
        }

        Row("Id", a.Id);
        Row("Analysed by", pipeline);
        h.Close("dl");
        if (!a.Images.IsDefaultOrEmpty)
        {
            h.Element("h3", "Images").Open("ul", ("class", "images"));
            foreach (var image in a.Images)
            {
                h.Open("li", ("class", "image")).Element("span", image.Caption ?? image.Alt ?? "(no caption)", ("class", "caption"));
                if (image.Credit is { } credit)
                {
                    h.Text(" ").Element("span", "Credit: " + credit, ("class", "credit"));
                }

                h.Close("li");
            }

            h.Close("ul");
        }

        h.Close("aside");
    }
}
