using Dateline.Storage;
using Dateline.Web.Api;

namespace Dateline.Web.Pages;

/// <summary>Quotes by speaker or actor, newest articles first.</summary>
internal static class QuotesPage
{
    public static async Task<IResult> RenderAsync(HttpRequest request, IArticleStore store, CancellationToken ct)
    {
        var speaker = Query.Text(request.Query["speaker"].ToString());
        var actor = Query.Text(request.Query["actor"].ToString());
        var cursor = Query.Text(request.Query["cursor"].ToString());
        Page<QuoteRecord> page;
        try
        {
            page = await store.ListQuotesAsync(new QuoteFilter(speaker, actor), cursor, 50, ct);
        }
        catch (InvalidCursorException ex)
        {
            return Layout.Page("Quotes", "/quotes", h => h.Element("h1", "Quotes").Element("p", ex.Message, ("class", "error"), ("role", "alert")));
        }

        return Layout.Page("Quotes", "/quotes", h =>
        {
            h.Element("h1", "Quotes");
            h.Open("form", ("class", "search"), ("role", "search"), ("method", "get"), ("action", "/quotes")).Open("div", ("class", "query"))
                .Element("label", "Speaker", ("for", "speaker")).Open("input", ("id", "speaker"), ("name", "speaker"), ("type", "search"), ("value", speaker));
            if (actor is not null)
            {
                h.Open("input", ("type", "hidden"), ("name", "actor"), ("value", actor));
            }

            h.Markup("<button type=\"submit\">Find</button>").Close("div").Close("form");
            h.Open("section", ("class", "quotes"), ("aria-label", "Quotes"));
            WriteList(h, page.Items);
            h.Close("section");
            SearchPage.NextLink(h, "/quotes", page.Next, [("speaker", speaker), ("actor", actor)]);
        });
    }

    public static void WriteList(Html h, IReadOnlyList<QuoteRecord> quotes)
    {
        if (quotes.Count == 0)
        {
            h.Element("p", "No quotes.", ("class", "empty"));
            return;
        }

        h.Open("ol", ("class", "quote-list"));
        foreach (var q in quotes)
        {
            h.Open("li", ("class", "quote-item")).Element("blockquote", q.Text, ("class", "quote-text")).Open("p", ("class", "attribution")).Text("— ");
            if (q.SpeakerEntityId is not null)
            {
                h.Link(Routes.Actor(q.SpeakerEntityId), q.SpeakerName ?? q.SpeakerText, ("class", "speaker"));
            }
            else
            {
                h.Element("span", q.SpeakerText ?? "unknown speaker", ("class", "speaker"));
            }

            h.Text(", in ").Link(Routes.Article(q.ArticleId), q.ArticleTitle ?? "(untitled)").Text($" ({q.Source} · {SearchPage.Day(q.Published) ?? "undated"})").Close("p").Close("li");
        }

        h.Close("ol");
    }
}
